using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis.Contract;

/// <summary>An ask for an insight the product does not compute yet: <c>{"insight","status","message"}</c>.</summary>
public sealed record InsightNotAvailableJson : AnswerJson
{
    [JsonPropertyName("insight")]
    public string? Insight { get; init; }

    [JsonPropertyName("status")]
    public string Status { get; init; } = "not available yet";

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
