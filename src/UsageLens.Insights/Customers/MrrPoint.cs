using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>An account's MRR in one month, as the mrr KPI gives it.</summary>
public sealed record MrrPoint(
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("mrr")] double? Mrr);
