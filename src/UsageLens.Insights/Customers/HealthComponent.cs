using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>One graded component of the account's health: its grade 0–100 (null when its data is missing), weight and why.</summary>
public sealed record HealthComponent(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("score")] double? Score,
    [property: JsonPropertyName("weight")] double Weight,
    [property: JsonPropertyName("why")] string Why);
