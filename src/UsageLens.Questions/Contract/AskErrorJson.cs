using System.Text.Json.Serialization;

namespace UsageLens.Questions.Contract;

/// <summary><c>{"error":..., "suggestions":[...], "readings":[...]}</c>: a question that was not understood.</summary>
public sealed record AskErrorJson
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    [JsonPropertyName("suggestions")]
    public required IReadOnlyList<string> Suggestions { get; init; }

    /// <summary>The readings of an ambiguous question, left out when there are none.</summary>
    [JsonPropertyName("readings")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Readings { get; init; }
}
