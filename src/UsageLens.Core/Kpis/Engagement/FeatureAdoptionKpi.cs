using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How many active users (or accounts) used a feature, how much, and how soon after they started.</summary>
internal sealed class FeatureAdoptionKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "feature-adoption",
        "Feature adoption rate",
        "adoption = distinct users (level=accounts: accounts) with the feature's event in the period ÷ distinct users (accounts) with any event in the period × 100; depth = feature events ÷ adopters; median_days_to_first_use = median of UTC days from the first ever event to the first feature event, over adopters whose first feature event is in the period",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("feature adoption", "feature-adoption", "adoption", "adoption rate", "feature adoption rate")],
        MetricRole = KpiMetricRole.AsOption("feature"),
        Options =
        [
            new KpiOption("feature", "the event that marks use of the feature (required)"),
            new KpiOption("level", "users (default) or accounts"),
        ],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var feature = request.Options.TryGetValue("feature", out var name)
            ? context.Model.Metric(name).Event
            : throw new UsageLensException($"{Definition.Name} needs the feature's event: add --option feature=EVENT");
        var entity = request.ChoiceOption("level", "users", "accounts") == "users" ? "user_id" : "account_id";
        var reader = new EngagementReader(request, context);
        if (!request.IsBreakdown)
        {
            return Result(request, context, feature, await HeadlineAsync(reader, entity, request.Period, feature, cancellationToken).ConfigureAwait(false),
                await KpiComparison.ForPreviousAsync(request, before => HeadlineAsync(reader, entity, before, feature, cancellationToken)).ConfigureAwait(false), null);
        }
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);
        // With rows, first events are read once, per group; the headline takes the earliest over the groups.
        var firstEvents = await reader.FirstEventsByGroupAsync(entity, request.Period.To, null, groups.KeyOf, cancellationToken).ConfigureAwait(false);
        var firstUses = await reader.FirstEventsByGroupAsync(entity, request.Period.To, feature, groups.KeyOf, cancellationToken).ConfigureAwait(false);
        var firstEvent = EngagementReader.Earliest(firstEvents.Values);
        var firstUse = EngagementReader.Earliest(firstUses.Values);

        var days = await DaysAsync(reader, entity, request.Period, feature, cancellationToken).ConfigureAwait(false);
        var outcome = FeatureAdoption.Compute(days, request.Period, firstEvent, firstUse);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => FeatureAdoption.Compute(await DaysAsync(reader, entity, before, feature, cancellationToken).ConfigureAwait(false), before, firstEvent, firstUse)).ConfigureAwait(false);
        return Result(request, context, feature, outcome, previous, Rows(request, groups, days, firstEvents, firstUses));
    }

    private KpiResult Result(KpiRequest request, KpiContext context, string feature, KpiOutcome outcome, KpiComparison? previous, IReadOnlyList<KpiRow>? rows) =>
        new(Definition.Name, feature, request.Period, outcome.Value, "percent", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };

    // Without rows the KPI is three counts and the first events of the entities that started using the feature in
    // the period, all counted in SQL.
    private static async Task<KpiOutcome> HeadlineAsync(EngagementReader reader, string entity, Period period, string feature, CancellationToken cancellationToken)
    {
        var active = await reader.EntityTotalsAsync(entity, period, null, cancellationToken).ConfigureAwait(false);
        var adopters = await reader.EntityTotalsAsync(entity, period, feature, cancellationToken).ConfigureAwait(false);
        var firstUse = await reader.NewcomersAsync(entity, period, feature, cancellationToken).ConfigureAwait(false);
        var firstEvent = firstUse.Count == 0
            ? firstUse
            : await reader.FirstEventsOfNewcomersAsync(entity, period, feature, cancellationToken).ConfigureAwait(false);
        return FeatureAdoption.Compute(active.Entities, adopters.Entities, adopters.Events ?? 0, period, firstEvent, firstUse);
    }

    // A group-by row is the KPI with its group as an extra filter, so its first events are its accounts' own.
    private static IReadOnlyList<KpiRow> Rows(
        KpiRequest request, AccountGroups groups, List<EntityDay> days,
        Dictionary<string, Dictionary<string, DateTime>> firstEvents, Dictionary<string, Dictionary<string, DateTime>> firstUses)
    {
        var none = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        return EngagementRows.Build(request, groups, days, d => d.Account, (items, period) =>
        {
            var group = items.Count == 0 ? string.Empty : groups.KeyOf(items[0].Account);
            return FeatureAdoption.Compute(items, period, firstEvents.GetValueOrDefault(group) ?? none, firstUses.GetValueOrDefault(group) ?? none);
        });
    }

    private static async Task<List<EntityDay>> DaysAsync(EngagementReader reader, string entity, Period period, string feature, CancellationToken cancellationToken) =>
        [
            .. await reader.EntityDaysAsync(entity, period, null, cancellationToken).ConfigureAwait(false),
            .. await reader.EntityDaysAsync(entity, period, feature, cancellationToken).ConfigureAwait(false),
        ];
}
