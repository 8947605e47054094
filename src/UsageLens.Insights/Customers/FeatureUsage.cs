using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>One metered feature's usage of an account, by week.</summary>
public sealed record FeatureUsage(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("series")] IReadOnlyList<SeriesPoint> Series);
