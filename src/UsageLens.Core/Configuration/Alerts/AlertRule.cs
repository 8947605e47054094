namespace UsageLens.Core.Configuration.Alerts;

/// <summary>
/// An alert rule of the workspace configuration file (<c>alerts.NAME</c>): when it is evaluated (a cron
/// expression, UTC), where a firing is delivered, and in the derived records what fires it.
/// </summary>
/// <param name="Name">The rule's name, its key under <c>alerts</c>.</param>
/// <param name="Schedule">A five-field cron expression (minute hour day-of-month month day-of-week), in UTC.</param>
/// <param name="Webhooks">Where each firing is posted; at least one.</param>
public abstract record AlertRule(string Name, string Schedule, IReadOnlyList<WebhookTarget> Webhooks)
{
    /// <summary>The kind as written in the file: threshold, anomaly, health-band or churn-risk.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether <c>serve</c> and <c>alerts run</c> (without <c>--rule</c>) evaluate it; default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Filters as <c>dimension=value</c>, as <c>usagelens kpi --where</c> takes them.</summary>
    public IReadOnlyList<string> Where { get; init; } = [];
}
