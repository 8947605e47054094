using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How many of a period's active users come back on a typical day.</summary>
internal sealed class StickinessKpi : IKpi
{
    public const string RollingVariant = "rolling";

    public KpiDefinition Definition { get; } = new(
        "stickiness",
        "Stickiness (DAU/MAU)",
        "stickiness = mean over every day of the period of DAU(d) (days without activity count 0) ÷ distinct users active in the period × 100 (Mixpanel); variant rolling = mean over the period's days of DAU(d) ÷ MAU30(d) × 100, days with MAU30(d) = 0 left out",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("stickiness", "dau / mau", "dau mau", "dau to mau", "dau over mau", "dau-mau", "dau to mau ratio", "dau / mau ratio", "dau mau ratio", "dau over mau ratio", "sticky")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var rolling = request.Variant switch
        {
            null => false,
            RollingVariant => true,
            _ => throw new UsageLensException($"--variant '{request.Variant}' is not known for {Definition.Name}; use {RollingVariant}"),
        };
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);
        var window = rolling ? 30 : 1;
        Func<IReadOnlyList<ActiveDay>, Period, KpiOutcome> evaluate = (items, period) =>
            rolling ? Stickiness.Rolling(new ActivityIndex(items), period) : Stickiness.Period(new ActivityIndex(items), period);

        // A breakdown and the rolling variant need each day's users; Mixpanel's headline alone needs
        // only mean DAU and distinct users, which SQL counts. The period's activity is read at most once.
        async Task<KpiOutcome> HeadlineAsync(Period period) => rolling
            ? evaluate(await reader.ActiveDaysAsync(ActiveUsersKpi.WithWindow(period, window), cancellationToken).ConfigureAwait(false), period)
            : Stickiness.Period(await reader.CountsAsync(period, null, daily: true, cancellationToken).ConfigureAwait(false));
        var activity = request.IsBreakdown ? await reader.ActiveDaysAsync(ActiveUsersKpi.WithWindow(request.Period, window), cancellationToken).ConfigureAwait(false) : null;
        var outcome = activity is null ? await HeadlineAsync(request.Period).ConfigureAwait(false) : evaluate(activity, request.Period);
        var previous = await KpiComparison.ForPreviousAsync(request, HeadlineAsync).ConfigureAwait(false);
        var rows = activity is null ? null : EngagementRows.Build(request, groups, activity, a => a.Account, evaluate);
        return new KpiResult(Definition.Name, null, request.Period, outcome.Value, "percent", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }
}
