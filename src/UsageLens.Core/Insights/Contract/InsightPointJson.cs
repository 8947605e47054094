using System.Text.Json.Serialization;

namespace UsageLens.Core.Insights.Contract;

/// <summary>One point of an analysed series: its bucket label and value (left out when there is none).</summary>
public sealed record InsightPointJson
{
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Value { get; init; }
}
