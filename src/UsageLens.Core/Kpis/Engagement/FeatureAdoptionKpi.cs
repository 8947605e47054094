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
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);
        var firstEvent = await reader.FirstEventsAsync(entity, request.Period.To, null, cancellationToken).ConfigureAwait(false);
        var firstUse = await reader.FirstEventsAsync(entity, request.Period.To, feature, cancellationToken).ConfigureAwait(false);

        var days = await DaysAsync(reader, entity, request.Period, feature, cancellationToken).ConfigureAwait(false);
        var outcome = FeatureAdoption.Compute(days, request.Period, firstEvent, firstUse);
        var previous = await KpiComparison.ForPreviousAsync(request, async before => FeatureAdoption.Compute(await DaysAsync(reader, entity, before, feature, cancellationToken).ConfigureAwait(false), before, firstEvent, firstUse)).ConfigureAwait(false);
        var rows = request.IsBreakdown
            ? EngagementRows.Build(request, groups, days, d => d.Account, (items, period) => FeatureAdoption.Compute(items, period, firstEvent, firstUse))
            : null;
        return new KpiResult(Definition.Name, feature, request.Period, outcome.Value, "percent", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static async Task<List<EntityDay>> DaysAsync(EngagementReader reader, string entity, Period period, string feature, CancellationToken cancellationToken) =>
        [
            .. await reader.EntityDaysAsync(entity, period, null, cancellationToken).ConfigureAwait(false),
            .. await reader.EntityDaysAsync(entity, period, feature, cancellationToken).ConfigureAwait(false),
        ];
}
