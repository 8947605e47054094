namespace UsageLens.Core.Configuration.Reports;

/// <summary>What a scheduled report holds, and so its file type.</summary>
public enum ReportKind
{
    /// <summary>The overview page as a PDF (<c>overview</c>).</summary>
    Overview,

    /// <summary>One account's customer 360 as a PDF (<c>customer</c>).</summary>
    Customer,

    /// <summary>A KPI with the KPI API's parameters as CSV (<c>kpi</c>).</summary>
    Kpi,

    /// <summary>An insight's findings or series as CSV (<c>insight</c>).</summary>
    Insight,
}
