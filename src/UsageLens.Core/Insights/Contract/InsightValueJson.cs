using System.Text.Json.Serialization;

namespace UsageLens.Core.Insights.Contract;

/// <summary>A named figure: a number or a text, the other left out.</summary>
public sealed record InsightValueJson
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("number")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Number { get; init; }

    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}
