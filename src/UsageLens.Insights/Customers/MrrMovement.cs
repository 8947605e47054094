using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>One MRR movement of an account in a month (new, reactivation, expansion, contraction or churn), as the mrr-movements KPI gives it.</summary>
public sealed record MrrMovement(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("amount")] double Amount);
