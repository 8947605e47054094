using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// A usage metric over a period, optionally bucketed by <see cref="Grain"/> and grouped, within a scope and
/// filters. <see cref="Reads"/> says whether the daily rollups may answer it.
/// </summary>
public sealed record MetricQuery(
    UsageMetric Metric,
    Period Period,
    AccountScope Scope,
    IReadOnlyList<Filter> Filters,
    Grain? Grain = null,
    IReadOnlyList<Dimension>? GroupBy = null,
    DayOfWeek WeekStart = DayOfWeek.Monday,
    EventReads Reads = EventReads.Rollups)
{
    public IReadOnlyList<Dimension> Groups => GroupBy ?? [];
}
