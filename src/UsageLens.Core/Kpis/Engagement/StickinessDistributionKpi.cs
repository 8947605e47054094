namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How many days a week active users come back, as a distribution over 1 to 7 days.</summary>
internal sealed class StickinessDistributionKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "stickiness-distribution",
        "Stickiness distribution",
        "for every user and calendar week of the period (clipped to it) in which the user was active: k = active UTC days that week; row k = user-weeks with exactly k days ÷ all active user-weeks × 100, part at_least_percent = user-weeks with ≥ k days ÷ all × 100; value = mean active days per active user-week",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("stickiness distribution", "stickiness-distribution", "power user curve", "power users", "active days per week")],
        Chart = KpiChart.Bar,
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Grain is not null)
        {
            throw new UsageLensException($"{Definition.Name} is always by calendar week; drop --grain");
        }
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);

        var activity = await reader.ActiveDaysAsync(request.Period, cancellationToken).ConfigureAwait(false);
        var (overall, _) = WeeklyActiveDays.Distribution(WeeklyActiveDays.Histogram(activity, request.Period, request.WeekStart));
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
        {
            var earlier = await reader.ActiveDaysAsync(before, cancellationToken).ConfigureAwait(false);
            var (earlierOverall, _) = WeeklyActiveDays.Distribution(WeeklyActiveDays.Histogram(earlier, before, request.WeekStart));
            return earlierOverall;
        }).ConfigureAwait(false);
        return new KpiResult(Definition.Name, null, request.Period, overall.Value, "days", overall.Parts)
        {
            Previous = previous,
            Rows = Rows(request, groups, activity),
            Sql = context.Sql,
        };
    }

    // A row per group of accounts and k; without --group-by, one group of everyone.
    private static List<KpiRow> Rows(KpiRequest request, AccountGroups groups, IReadOnlyList<ActiveDay> activity)
    {
        var byGroup = request.GroupBy.Count == 0
            ? [(Values: Array.Empty<string?>(), Items: activity)]
            : activity.GroupBy(a => groups.KeyOf(a.Account), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Values: groups.ValuesOf(g.First().Account), Items: (IReadOnlyList<ActiveDay>)g.ToList())).ToList();
        var rows = new List<KpiRow>();
        foreach (var (values, items) in byGroup)
        {
            var (_, byDays) = WeeklyActiveDays.Distribution(WeeklyActiveDays.Histogram(items, request.Period, request.WeekStart));
            foreach (var (days, share) in byDays)
            {
                var keys = RowKeys.Of(null, request.GroupBy, values).Append(new("days", days.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
                rows.Add(new KpiRow(keys, share.Value, share.Parts));
            }
        }
        return rows;
    }
}
