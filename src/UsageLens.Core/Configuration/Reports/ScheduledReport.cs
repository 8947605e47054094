using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;

namespace UsageLens.Core.Configuration.Reports;

/// <summary>
/// One entry of the configuration's <c>reports</c> section: what is rendered (<see cref="Kind"/> and its subject), for
/// whom (<see cref="Partner"/>: only that partner's accounts, else all), when (a cron <see cref="Schedule"/> read in
/// <see cref="TimeZone"/>) and where it goes (<see cref="Folder"/> and/or <see cref="Webhook"/>).
/// </summary>
public sealed record ScheduledReport(string Name, ReportKind Kind, string Schedule, TimeZoneInfo TimeZone)
{
    /// <summary>The partner whose accounts alone the report covers; null for every account.</summary>
    public string? Partner { get; init; }

    /// <summary>The subject line a mail carrying the file would have.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The account of a <see cref="ReportKind.Customer"/> report.</summary>
    public string? Account { get; init; }

    /// <summary>The KPI and its arguments of a <see cref="ReportKind.Kpi"/> report, as <c>GET /api/v1/kpi/{name}</c> takes them.</summary>
    public string? Kpi { get; init; }

    /// <summary>The arguments of the KPI report.</summary>
    public KpiArguments KpiArguments { get; init; } = new();

    /// <summary>The insight of a <see cref="ReportKind.Insight"/> report.</summary>
    public string? Insight { get; init; }

    /// <summary>The insight's common arguments (kpi, metric, by, grain, period) by name, as <c>GET /api/v1/insights/{name}</c> takes them.</summary>
    public IReadOnlyDictionary<string, string> InsightArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The insight's filters (<c>where</c>) as dimension=value.</summary>
    public IReadOnlyList<string> InsightWhere { get; init; } = [];

    /// <summary>The insight's own options as name=value.</summary>
    public IReadOnlyList<string> InsightOptions { get; init; } = [];

    /// <summary>The folder the file is written to; null for none.</summary>
    public string? Folder { get; init; }

    /// <summary>The webhook the file is posted to; null for none.</summary>
    public WebhookTarget? Webhook { get; init; }

    /// <summary>False leaves the report off the schedule (it still runs when named in <c>reports run</c>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The file's extension: pdf or csv.</summary>
    public string Extension => Kind is ReportKind.Overview or ReportKind.Customer ? "pdf" : "csv";

    /// <summary>The file's media type.</summary>
    public string ContentType => Kind is ReportKind.Overview or ReportKind.Customer ? "application/pdf" : "text/csv";

    /// <summary>The kind as written in the configuration.</summary>
    public string KindName => Kind switch
    {
        ReportKind.Overview => "overview",
        ReportKind.Customer => "customer",
        ReportKind.Kpi => "kpi",
        _ => "insight",
    };
}
