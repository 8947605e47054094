using System.Text.Json.Serialization;

namespace UsageLens.Core.Insights.Contract;

/// <summary>One finding of an insight: its subject (an account or <c>workspace</c>), kind, score, reason and figures.</summary>
public sealed record InsightFindingJson
{
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("score")]
    public required double Score { get; init; }

    [JsonPropertyName("why")]
    public required string Why { get; init; }

    [JsonPropertyName("values")]
    public required IReadOnlyList<InsightValueJson> Values { get; init; }

    /// <summary>The partner playbook's action for the signal this finding stands for; only the HTTP API sets it, and it is left out when null.</summary>
    [JsonPropertyName("recommended_action")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RecommendedAction { get; init; }
}
