using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>An account's licensed seats (null without), users active in the last 30 days, and active ÷ licensed × 100 as the seat-utilization KPI gives it.</summary>
public sealed record SeatFigures(
    [property: JsonPropertyName("licensed")] double? Licensed,
    [property: JsonPropertyName("active")] double Active,
    [property: JsonPropertyName("utilisation")] double? Utilisation);
