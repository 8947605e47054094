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
        var firstEvent = await FirstAsync(context, entity, request, null, cancellationToken).ConfigureAwait(false);
        var firstUse = await FirstAsync(context, entity, request, feature, cancellationToken).ConfigureAwait(false);

        var days = await DaysAsync(context, entity, request.Period, request, groups, feature, cancellationToken).ConfigureAwait(false);
        var outcome = FeatureAdoption.Compute(days, request.Period, firstEvent, firstUse);
        KpiComparison? previous = null;
        if (request.ComparePrevious)
        {
            var before = request.Period.Previous();
            var earlier = FeatureAdoption.Compute(await DaysAsync(context, entity, before, request, groups, feature, cancellationToken).ConfigureAwait(false), before, firstEvent, firstUse);
            previous = new KpiComparison(before, earlier.Value, earlier.Parts);
        }
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

    // First events over all history up to the period's end, so "first ever" is not cut at the period's start.
    private static async Task<Dictionary<string, DateTime>> FirstAsync(KpiContext context, string entity, KpiRequest request, string? feature, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.FirstEvents(entity, request.Period.To, request.Scope, feature), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => (string)r[0]!, r => DateTime.SpecifyKind((DateTime)r[1]!, DateTimeKind.Utc), StringComparer.Ordinal);
    }

    private static async Task<List<EntityDay>> DaysAsync(KpiContext context, string entity, Period period, KpiRequest request, AccountGroups groups, string feature, CancellationToken cancellationToken)
    {
        var all = await context.QueryAsync(ActivityPlanner.EntityDays(entity, period, request.Scope, null), cancellationToken).ConfigureAwait(false);
        var used = await context.QueryAsync(ActivityPlanner.EntityDays(entity, period, request.Scope, feature), cancellationToken).ConfigureAwait(false);
        return all.Select(r => Day(r, false)).Concat(used.Select(r => Day(r, true))).Where(d => groups.Keeps(d.Account)).ToList();
    }

    private static EntityDay Day(object?[] row, bool isFeature) =>
        new(DateOnly.FromDateTime((DateTime)row[0]!), (string)row[1]!, (string?)row[2], (long)KpiValues.Number(row[3]), isFeature);
}
