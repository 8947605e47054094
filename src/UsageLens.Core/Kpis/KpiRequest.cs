using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis;

/// <summary>Everything a KPI is asked with, already resolved against the semantic model.</summary>
public sealed record KpiRequest(Period Period, AccountScope Scope)
{
    public UsageMetric? Metric { get; init; }

    public Grain? Grain { get; init; }

    public IReadOnlyList<Dimension> GroupBy { get; init; } = [];

    public IReadOnlyList<Filter> Filters { get; init; } = [];

    public TopSelection? Top { get; init; }

    public Ranking? RankBy { get; init; }

    /// <summary>A named variant of the KPI's formula, such as <c>revenue-weighted</c>.</summary>
    public string? Variant { get; init; }

    public bool ComparePrevious { get; init; } = true;

    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    public bool IsBreakdown => Grain is not null || GroupBy.Count > 0;

    public UsageMetric RequireMetric(string kpi) =>
        Metric ?? throw new UsageLensException($"{kpi} needs a usage metric: add --metric, for example --metric api_call");
}
