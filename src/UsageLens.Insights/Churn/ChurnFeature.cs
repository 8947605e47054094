namespace UsageLens.Insights.Churn;

/// <summary>One input of the churn model: its name and how it is computed from the data before a snapshot day.</summary>
internal sealed record ChurnFeature(string Name, string Meaning)
{
    public const int UsageTrend = 0;
    public const int ActiveUsersTrend = 1;
    public const int DaysSinceActivity = 2;
    public const int FeatureBreadth = 3;
    public const int SeatUtilisation = 4;
    public const int MrrLog = 5;
    public const int MrrChange = 6;
    public const int Nps = 7;
    public const int Tenure = 8;

    /// <summary>Every feature, in the order of the model's vector.</summary>
    public static IReadOnlyList<ChurnFeature> All { get; } =
    [
        new("usage_trend", "usage in the last 30 days against the 30 before, as (last − previous) ÷ (last + previous) per metered event, averaged over the events used in either window (−1 stopped, 0 flat, +1 new)"),
        new("active_users_trend", "distinct active users in the last 30 days against the 30 before, as (last − previous) ÷ (last + previous)"),
        new("days_since_activity", $"days from the last day with any usage to the snapshot day, capped at {ChurnSettings.CapDays}"),
        new("feature_breadth", "share of the workspace's metered events the account used in the last 30 days (0 to 1)"),
        new("seat_utilisation", "distinct active users in the last 30 days ÷ licensed seats (seat-utilization KPI ÷ 100); accounts without seats take the snapshot's mean"),
        new("mrr_log10", "log10(1 + MRR in force at the snapshot day)"),
        new("mrr_change_90d", $"MRR at the snapshot day against {ChurnSettings.MrrChangeDays} days earlier, as (now − then) ÷ (now + then)"),
        new("nps", "the account's NPS over the 180 days before the snapshot ÷ 100; accounts without answers take the snapshot's mean (0 when none answered)"),
        new("tenure_days", $"days since the account's first usage, capped at {ChurnSettings.CapDays}"),
    ];

    /// <summary>(a − b) ÷ (a + b): a bounded change that is 0 when both are 0 and unmoved by the unit.</summary>
    public static double Change(double now, double before) => now + before <= 0 ? 0 : (now - before) / (now + before);
}
