using System.Text.Json.Serialization;
using UsageLens.Server.Questions;

namespace UsageLens.Server.Contract;

/// <summary>Source-generated serialization for the bodies the server itself reads.</summary>
[JsonSerializable(typeof(AskRequest))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
