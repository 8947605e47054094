
namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How broadly accounts use the product: the share of its features each account touched.</summary>
internal sealed class FeatureBreadthKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "feature-breadth",
        "Feature breadth",
        "breadth(account) = distinct event names the account used in the period ÷ features available × 100, where features available = the metered events in the workspace catalog (or option features); value = mean breadth over accounts with ≥1 event in the period; --group-by account_id gives a row per account",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("feature breadth", "feature-breadth", "breadth", "breadth of use")],
        Options = [new KpiOption("features", "how many features the product has (default: the number of metered events)")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var available = request.IntOption("features", context.Model.Catalog.MeterUnits.Count, 1, 100_000);
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);

        var uses = await reader.FeatureUsesAsync(request.Period, cancellationToken).ConfigureAwait(false);
        var outcome = FeatureBreadth.Compute(uses, request.Period, available);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => FeatureBreadth.Compute(await reader.FeatureUsesAsync(before, cancellationToken).ConfigureAwait(false), before, available)).ConfigureAwait(false);
        var rows = request.IsBreakdown ? EngagementRows.Build(request, groups, uses, u => u.Account, (items, period) => FeatureBreadth.Compute(items, period, available)) : null;
        return new KpiResult(Definition.Name, null, request.Period, outcome.Value, "percent", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }
}
