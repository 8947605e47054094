using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis;

/// <summary>A computed KPI: its value with the parts behind it, the previous period's value, and any breakdown rows.</summary>
public sealed record KpiResult(
    string Kpi,
    string? Metric,
    Period Period,
    double? Value,
    string Unit,
    IReadOnlyList<KpiPart> Parts)
{
    /// <summary>The same KPI over the previous period of the same length.</summary>
    public KpiComparison? Previous { get; init; }

    /// <summary>The accounts the value is about, when it names some (the top accounts).</summary>
    public IReadOnlyList<string>? Accounts { get; init; }

    /// <summary>The breakdown by period and/or dimension, when one was asked for.</summary>
    public IReadOnlyList<KpiRow>? Rows { get; init; }

    /// <summary>The SQL statements that ran, in order.</summary>
    public IReadOnlyList<string> Sql { get; init; } = [];
}
