using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>One bucket of a customer 360 series: its period label and value.</summary>
public sealed record SeriesPoint(
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("value")] double? Value);
