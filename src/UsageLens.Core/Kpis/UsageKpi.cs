using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis;

/// <summary>A usage metric over a period, with its trend by grain and breakdown by dimension.</summary>
internal sealed class UsageKpi : IKpi
{
    public const string Name = KpiNames.Usage;

    public KpiDefinition Definition { get; } = new(
        Name,
        "Usage",
        "usage(metric, period) = Σ quantity of the metric's events in [from, to); count(e), users(e) and accounts(e) count events, distinct users and distinct accounts instead; a custom metric from the configuration file is its formula over these per row, or its uptime",
        RequiresMetric: true)
    {
        Synonyms = [.. KpiSynonym.Phrases("usage", "volume")],
        MetricRole = KpiMetricRole.Measured,
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.CustomMetric is { } custom)
        {
            return await Usage.CustomMetricUsage.ComputeAsync(Definition.Name, custom, request, context, cancellationToken).ConfigureAwait(false);
        }
        var metric = request.RequireMetric(Definition.Name);
        var value = await TotalAsync(request, request.Period, context, cancellationToken).ConfigureAwait(false);
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
            new KpiOutcome(await TotalAsync(request, before, context, cancellationToken).ConfigureAwait(false), [])).ConfigureAwait(false);
        var rows = request.IsBreakdown ? await BreakdownAsync(request, context, cancellationToken).ConfigureAwait(false) : null;
        return new KpiResult(Definition.Name, metric.ToString(), request.Period, value, context.Model.Unit(metric), [])
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static async Task<double> TotalAsync(KpiRequest request, Period period, KpiContext context, CancellationToken cancellationToken)
    {
        var query = new MetricQuery(request.Metric!, period, request.Scope, request.Filters, WeekStart: request.WeekStart, Reads: context.Reads);
        var rows = await context.QueryAsync(QueryPlanner.Usage(query), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? 0d : rows[0].GetDouble("value");
    }

    private static async Task<IReadOnlyList<KpiRow>> BreakdownAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var query = new MetricQuery(request.Metric!, request.Period, request.Scope, request.Filters, request.Grain, request.GroupBy, request.WeekStart, context.Reads);
        var result = await context.QueryAsync(QueryPlanner.Usage(query), cancellationToken).ConfigureAwait(false);
        var values = new Dictionary<(string? Period, string Groups), double>();
        var groups = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var row in result)
        {
            var (period, groupValues) = RowKeys.Read(row, request.Grain is not null, request.GroupBy.Count);
            var groupKey = RowKeys.Join(groupValues);
            groups.TryAdd(groupKey, groupValues);
            values[(period, groupKey)] = row.GetDouble("value");
        }
        if (request.GroupBy.Count == 0)
        {
            groups.TryAdd(RowKeys.Join([]), []);
        }
        // Every group gets every bucket, so a series has no holes where nothing happened.
        var periods = request.Grain is { } grain
            ? Calendar.Buckets(request.Period, grain, request.WeekStart).Select(b => (string?)KpiValues.Label(b.Label)).ToList()
            : [null];
        var rows = new List<KpiRow>();
        foreach (var (groupKey, groupValues) in groups)
        {
            foreach (var period in periods)
            {
                rows.Add(new KpiRow(RowKeys.Of(period, request.GroupBy, groupValues), values.GetValueOrDefault((period, groupKey)), []));
            }
        }
        return rows;
    }
}
