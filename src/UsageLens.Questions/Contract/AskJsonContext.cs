using System.Text.Json.Serialization;

namespace UsageLens.Questions.Contract;

/// <summary>
/// Source-generated serialization for the questions contract; the server registers it for its
/// responses.
/// </summary>
[JsonSerializable(typeof(QueryAskJson))]
[JsonSerializable(typeof(AskAnswerJson))]
[JsonSerializable(typeof(AskErrorJson))]
public sealed partial class AskJsonContext : JsonSerializerContext;
