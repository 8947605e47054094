namespace UsageLens.Core.Kpis;

/// <summary>
/// Everything UsageLens knows about a KPI besides how to compute it: its name, title and exact formula
/// (<c>usagelens kpi --list</c>), its options, the phrases a question may name it by, how it takes a
/// metric and the chart its answer is drawn as.
/// </summary>
public sealed record KpiDefinition(string Name, string Title, string Formula, bool RequiresMetric)
{
    /// <summary>The KPI's own options (<c>--option name=value</c> on the CLI, <c>name=value</c> in the HTTP query).</summary>
    public IReadOnlyList<KpiOption> Options { get; init; } = [];

    /// <summary>The phrases a question may name the KPI by, each possibly with an option or a variant ("DAU" is measure=dau).</summary>
    public IReadOnlyList<KpiSynonym> Synonyms { get; init; } = [];

    /// <summary>How the KPI takes the metric a question names: as what it measures, as one of its options, or not at all.</summary>
    public KpiMetricRole MetricRole { get; init; } = KpiMetricRole.None;

    /// <summary>The chart an answer of this KPI is drawn as when it asks for no trend, breakdown or comparison.</summary>
    public KpiChart Chart { get; init; } = KpiChart.Number;
}
