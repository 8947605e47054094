using System.Text.Json.Serialization;

namespace UsageLens.Core.Insights.Contract;

/// <summary>Source-generated serialization for the insight contract; the server registers it for its responses.</summary>
[JsonSerializable(typeof(InsightResultJson))]
public sealed partial class InsightContractJsonContext : JsonSerializerContext;
