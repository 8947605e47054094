using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How much recurring revenue each active user stands for.</summary>
internal sealed class RevenuePerActiveUserKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "revenue-per-active-user",
        "Revenue per active user",
        "revenue per active user = Σ over accounts of the MRR in force at the period's end (latest subscription row with effective_at < to) ÷ distinct users with ≥1 event in the period",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("revenue per active user", "revenue-per-active-user", "arpu", "revenue per user")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);
        var accountFilters = request.Filters.Where(f => f.Dimension.Source == DimensionSource.Account || f.Dimension.IsAccountId).ToList();

        var buckets = request.Grain is { } grain ? Calendar.Buckets(request.Period, grain, request.WeekStart).Select(b => b.Period) : [];
        var items = await ItemsAsync(reader, request.Period, [request.Period, .. buckets], accountFilters, cancellationToken).ConfigureAwait(false);
        var outcome = RevenuePerActiveUser.Compute(items, request.Period);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => RevenuePerActiveUser.Compute(await ItemsAsync(reader, before, [before], accountFilters, cancellationToken).ConfigureAwait(false), before)).ConfigureAwait(false);
        var rows = request.IsBreakdown ? EngagementRows.Build(request, groups, items, i => i.Account, RevenuePerActiveUser.Compute) : null;
        return new KpiResult(Definition.Name, null, request.Period, outcome.Value, "currency", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    // The MRR of every period's end that a value or row needs, next to the activity of the whole period.
    private static async Task<List<RevenueItem>> ItemsAsync(
        EngagementReader reader, Period period, IEnumerable<Period> ends, List<Filter> accountFilters, CancellationToken cancellationToken)
    {
        var activity = await reader.ActiveDaysAsync(period, cancellationToken).ConfigureAwait(false);
        var items = activity.Select(a => new RevenueItem(a, a.Account, null, 0)).ToList();
        foreach (var end in ends.Select(p => p.To).Distinct())
        {
            var mrr = await reader.Context.QueryAsync(QueryPlanner.MrrAt(end, reader.Request.Scope, accountFilters), cancellationToken).ConfigureAwait(false);
            items.AddRange(mrr.Select(r => new RevenueItem(null, r.GetString("account_id"), end, r.GetDouble("value"))));
        }
        return items;
    }
}
