namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How often and how long users use the product in one sitting.</summary>
internal sealed class SessionsKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "sessions",
        "Sessions",
        "a user's events in the period, in time order, split wherever the gap between consecutive events > gap minutes (default 30); session length = last − first event; value = number of sessions; parts: mean and median length in minutes, distinct users",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("sessions", "session", "session length", "session count", "session duration")],
        Options = [new KpiOption("gap", "minutes of inactivity that end a session (default 30)")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var gap = TimeSpan.FromMinutes(request.IntOption("gap", 30, 1, 24 * 60));
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);

        var events = await reader.EventsAsync(request.Period, null, cancellationToken).ConfigureAwait(false);
        var outcome = Sessions.Summarise(events, request.Period, gap);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => Sessions.Summarise(await reader.EventsAsync(before, null, cancellationToken).ConfigureAwait(false), before, gap)).ConfigureAwait(false);
        var rows = request.IsBreakdown ? EngagementRows.Build(request, groups, events, e => e.Account, (items, period) => Sessions.Summarise(items, period, gap)) : null;
        return new KpiResult(Definition.Name, null, request.Period, outcome.Value, "sessions", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }
}
