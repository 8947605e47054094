using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>The account's health score, band and components, as the health insight scores it.</summary>
public sealed record HealthFigures(
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("band")] string Band,
    [property: JsonPropertyName("components")] IReadOnlyList<HealthComponent> Components);
