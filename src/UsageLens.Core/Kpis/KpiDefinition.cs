namespace UsageLens.Core.Kpis;

/// <summary>What <c>usagelens kpi --list</c> shows: a KPI's name, title and exact formula.</summary>
public sealed record KpiDefinition(string Name, string Title, string Formula, bool RequiresMetric)
{
    /// <summary>The KPI's own options (<c>--option name=value</c> on the CLI, <c>name=value</c> in the HTTP query).</summary>
    public IReadOnlyList<KpiOption> Options { get; init; } = [];
}
