using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>A playbook's action for a signal the account carries.</summary>
public sealed record RecommendedAction(
    [property: JsonPropertyName("signal")] string Signal,
    [property: JsonPropertyName("action")] string Action);
