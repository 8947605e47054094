using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>A usage metric over a period, optionally bucketed by <see cref="Grain"/> and grouped, within a scope and filters.</summary>
public sealed record MetricQuery(
    UsageMetric Metric,
    Period Period,
    AccountScope Scope,
    IReadOnlyList<Filter> Filters,
    Grain? Grain = null,
    IReadOnlyList<Dimension>? GroupBy = null,
    DayOfWeek WeekStart = DayOfWeek.Monday)
{
    public IReadOnlyList<Dimension> Groups => GroupBy ?? [];
}
