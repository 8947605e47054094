namespace UsageLens.Core.Configuration.Alerts;

/// <summary>Fires when an account's health band changes from the one seen at the rule's previous evaluation.</summary>
public sealed record HealthBandAlertRule(string Name, string Schedule, IReadOnlyList<WebhookTarget> Webhooks)
    : AlertRule(Name, Schedule, Webhooks)
{
    public const string KindName = "health-band";

    /// <summary>The bands of the health insight.</summary>
    public static IReadOnlyList<string> Bands { get; } = ["healthy", "neutral", "at-risk"];

    public override string Kind => KindName;

    /// <summary>Only a change into this band fires (for example <c>at-risk</c>); null fires on every change.</summary>
    public string? To { get; init; }

    /// <summary>The metric the usage-trend component reads; null takes the health section's.</summary>
    public string? Metric { get; init; }
}
