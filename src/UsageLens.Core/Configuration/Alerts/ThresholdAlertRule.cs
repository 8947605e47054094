namespace UsageLens.Core.Configuration.Alerts;

/// <summary>Fires when a KPI, computed over a period before the evaluation day, moves to the far side of a value.</summary>
/// <param name="Kpi">A KPI of the catalogue.</param>
/// <param name="Direction">Whether it fires above or below <paramref name="Value"/>.</param>
/// <param name="Value">The value compared with.</param>
public sealed record ThresholdAlertRule(string Name, string Schedule, IReadOnlyList<WebhookTarget> Webhooks, string Kpi, ThresholdDirection Direction, double Value)
    : AlertRule(Name, Schedule, Webhooks)
{
    public const string KindName = "threshold";

    public override string Kind => KindName;

    /// <summary>The usage metric, as <c>usagelens kpi --metric</c> takes it.</summary>
    public string? Metric { get; init; }

    /// <summary>A period relative to the evaluation day that ends before it (default <c>last-7-days</c>).</summary>
    public string Period { get; init; } = "last-7-days";

    /// <summary>The KPI's own options as <c>name=value</c>.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}
