using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>The share of the workspace's users who used the product in the period.</summary>
internal sealed class UsageRateKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "usage-rate",
        "Product usage rate",
        "usage rate = distinct users with ≥1 event in the period ÷ users known at the period's end (imported users with created_at < to or no created_at, plus users seen in events before to) × 100",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("usage rate", "usage-rate", "product usage rate")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);
        // Knowing when each user first appeared answers "known at the end" for every bucket and for the previous period.
        var known = (await reader.KnownUsersAsync(request.Period.To, cancellationToken).ConfigureAwait(false))
            .Select(k => new UsageRateItem(null, k)).ToList();

        var items = await ItemsAsync(reader, request.Period, known, cancellationToken).ConfigureAwait(false);
        var outcome = UsageRate.Compute(items, request.Period);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => UsageRate.Compute(await ItemsAsync(reader, before, known, cancellationToken).ConfigureAwait(false), before)).ConfigureAwait(false);
        var rows = request.IsBreakdown ? EngagementRows.Build(request, groups, items, i => i.Account, UsageRate.Compute) : null;
        return new KpiResult(Definition.Name, null, request.Period, outcome.Value, "percent", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static async Task<List<UsageRateItem>> ItemsAsync(EngagementReader reader, Period period, List<UsageRateItem> known, CancellationToken cancellationToken)
    {
        var activity = await reader.ActiveDaysAsync(period, cancellationToken).ConfigureAwait(false);
        return [.. activity.Select(a => new UsageRateItem(a, null)), .. known];
    }
}
