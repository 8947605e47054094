namespace UsageLens.Core.Configuration.Alerts;

/// <summary>Fires once for each new finding of the anomalies insight at or above a severity, in the last few days.</summary>
public sealed record AnomalyAlertRule(string Name, string Schedule, IReadOnlyList<WebhookTarget> Webhooks)
    : AlertRule(Name, Schedule, Webhooks)
{
    public const string KindName = "anomaly";

    public override string Kind => KindName;

    /// <summary>The least severity (robust z-score) that fires; default 8, the insight's own threshold.</summary>
    public double MinSeverity { get; init; } = 8;

    /// <summary>The usage metric scanned; null scans every meter.</summary>
    public string? Metric { get; init; }

    /// <summary>Only findings on the last this many days before the evaluation day fire (default 7), so a first run does not replay a quarter.</summary>
    public int RecentDays { get; init; } = 7;
}
