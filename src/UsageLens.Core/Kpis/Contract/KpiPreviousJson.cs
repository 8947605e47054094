using System.Text.Json.Serialization;

namespace UsageLens.Core.Kpis.Contract;

/// <summary>The same KPI over the previous period: <c>{"from","to","value","parts"}</c>.</summary>
public sealed record KpiPreviousJson
{
    [JsonPropertyName("from")]
    public required string From { get; init; }

    [JsonPropertyName("to")]
    public required string To { get; init; }

    /// <summary>Null when the KPI has no value (nothing to divide by), never left out.</summary>
    [JsonPropertyName("value")]
    public double? Value { get; init; }

    [JsonPropertyName("parts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double?>? Parts { get; init; }
}
