using UsageLens.Core.Kpis;

namespace UsageLens.Benchmarks.Overview;

/// <summary>One KPI request of the overview page, exactly as the dashboard sends it.</summary>
public sealed record OverviewTile(string Name, string Kpi, KpiArguments Arguments)
{
    public override string ToString() => Name;
}
