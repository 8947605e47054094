using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>
/// One account of the customer list as of a day: its CRM fields, MRR in force, usage of the list's metric in the
/// 30 days before as-of and the 30 before those, active users, health and churn risk; null where unknown.
/// </summary>
public sealed record AccountListRow
{
    [JsonPropertyName("account_id")]
    public required string AccountId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("segment")]
    public string? Segment { get; init; }

    [JsonPropertyName("plan")]
    public string? Plan { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("partner_id")]
    public string? PartnerId { get; init; }

    /// <summary>The MRR in force at the start of as-of (the latest subscription row before it); null without one.</summary>
    [JsonPropertyName("mrr")]
    public double? Mrr { get; init; }

    [JsonPropertyName("usage_30d")]
    public double Usage30d { get; init; }

    [JsonPropertyName("usage_prev_30d")]
    public double UsagePrev30d { get; init; }

    /// <summary>(usage_30d − usage_prev_30d) ÷ usage_prev_30d × 100, rounded to 0.1; null when the previous window had none.</summary>
    [JsonPropertyName("usage_trend_pct")]
    public double? UsageTrendPct { get; init; }

    [JsonPropertyName("active_users_30d")]
    public double ActiveUsers30d { get; init; }

    [JsonPropertyName("health_score")]
    public double? HealthScore { get; init; }

    [JsonPropertyName("health_band")]
    public string? HealthBand { get; init; }

    /// <summary>The churn-risk insight's score: the model's probability, or the rule's score when too few accounts churned.</summary>
    [JsonPropertyName("churn_risk")]
    public double? ChurnRisk { get; init; }

    /// <summary>The account's traits by key; only the customer 360 gives them (null, and left out, in the list).</summary>
    [JsonPropertyName("traits")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string?>? Traits { get; init; }
}
