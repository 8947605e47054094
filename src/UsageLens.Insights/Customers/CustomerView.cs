using System.Text.Json.Serialization;
using UsageLens.Core.Insights.Contract;

namespace UsageLens.Insights.Customers;

/// <summary>
/// The customer 360 of one account as of a day, composed by <see cref="CustomerViewReader"/> from the KPIs (filtered
/// to the account) and the insights (the account's findings), with the playbook's actions for its signals.
/// </summary>
public sealed record CustomerView
{
    [JsonPropertyName("account")]
    public required AccountListRow Account { get; init; }

    [JsonPropertyName("usage_by_feature")]
    public required IReadOnlyList<FeatureUsage> UsageByFeature { get; init; }

    [JsonPropertyName("active_users")]
    public required IReadOnlyList<SeriesPoint> ActiveUsers { get; init; }

    [JsonPropertyName("seats")]
    public required SeatFigures Seats { get; init; }

    [JsonPropertyName("mrr_history")]
    public required IReadOnlyList<MrrPoint> MrrHistory { get; init; }

    [JsonPropertyName("mrr_movements")]
    public required IReadOnlyList<MrrMovement> MrrMovements { get; init; }

    [JsonPropertyName("nps")]
    public required IReadOnlyList<NpsAnswer> Nps { get; init; }

    /// <summary>Null when the health insight does not score the account (it neither pays nor used the product in 60 days).</summary>
    [JsonPropertyName("health")]
    public HealthFigures? Health { get; init; }

    [JsonPropertyName("anomalies")]
    public required IReadOnlyList<InsightFindingJson> Anomalies { get; init; }

    [JsonPropertyName("signals")]
    public required IReadOnlyList<InsightFindingJson> Signals { get; init; }

    [JsonPropertyName("benchmark")]
    public required IReadOnlyList<InsightFindingJson> Benchmark { get; init; }

    [JsonPropertyName("recommended_actions")]
    public required IReadOnlyList<RecommendedAction> RecommendedActions { get; init; }
}
