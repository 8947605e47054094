using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis.Contract;

/// <summary>Source-generated serialization for the KPI contract; the server registers it for its responses.</summary>
[JsonSerializable(typeof(KpiResultJson))]
[JsonSerializable(typeof(AnswerJson))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class KpiJsonContext : JsonSerializerContext;
