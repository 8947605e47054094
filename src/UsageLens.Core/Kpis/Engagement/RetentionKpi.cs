using UsageLens.Core.Querying;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Cohort retention: of the users (or accounts) who started in a period, how many were still active k periods later.</summary>
internal sealed class RetentionKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "retention",
        "Retention cohorts",
        "cohort = users (entity=accounts: accounts) whose first event falls in the same grain period (default month) within the period; cell (cohort, k) = members active in interval k (mode on-or-after: in interval k or later, up to the period's end) ÷ cohort size × 100; summary row (cohort all) = Σ active ÷ Σ members over cohorts whose interval k has fully elapsed before to; value = the summary at k = 1",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("retention", "cohort retention", "retention cohorts", "cohorts", "cohort", "user retention")],
        Chart = KpiChart.Table,
        Options =
        [
            new KpiOption("entity", "users (default) or accounts"),
            new KpiOption("mode", "on (default: active in interval k) or on-or-after (active in interval k or later)"),
        ],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.GroupBy.Count > 0)
        {
            throw new UsageLensException($"{Definition.Name} has no group-by breakdown; narrow the population with --where instead");
        }
        var entity = request.ChoiceOption("entity", "users", "accounts") == "users" ? "user_id" : "account_id";
        var onOrAfter = request.ChoiceOption("mode", "on", "on-or-after") == "on-or-after";
        var grain = request.Grain ?? Grain.Month;
        var reader = new EngagementReader(request, context);
        var groups = await reader.GroupsAsync(Definition.Name, cancellationToken).ConfigureAwait(false);
        // Both periods' cohorts are read at once: on the monthly rollup that is one scan for the two.
        var cohorts = await reader.CohortsAsync(entity, reader.WithComparison(request.Period), grain, onOrAfter, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<RetentionCell> CellsOf(Period period) => Retention.Cells(cohorts[period], period, grain);

        var cells = CellsOf(request.Period);
        var previous = await KpiComparison.ForPreviousAsync(request, before =>
        {
            var earlier = CellsOf(before);
            return Task.FromResult(new KpiOutcome(Headline(earlier), Parts(earlier)));
        }).ConfigureAwait(false);
        var rows = cells.Select(c => new KpiRow(
            [new("cohort", c.Cohort is { } cohort ? KpiValues.Label(cohort) : "all"), new("interval", c.Interval.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            c.Percent,
            [new KpiPart("members", c.Members), new KpiPart("active", c.Active)])).ToList();
        return new KpiResult(Definition.Name, null, request.Period, Headline(cells), "percent", Parts(cells))
        {
            Previous = previous,
            Rows = rows,
            Sql = context.Sql,
        };
    }

    private static RetentionCell? SummaryAtOne(IReadOnlyList<RetentionCell> cells) => cells.FirstOrDefault(c => c.Cohort is null && c.Interval == 1);

    private static double? Headline(IReadOnlyList<RetentionCell> cells) => SummaryAtOne(cells)?.Percent;

    private static IReadOnlyList<KpiPart> Parts(IReadOnlyList<RetentionCell> cells) =>
    [
        new KpiPart("cohort_members", cells.Where(c => c.Cohort is not null && c.Interval == 0).Sum(c => c.Members)),
        new KpiPart("members_k1", SummaryAtOne(cells)?.Members),
        new KpiPart("active_k1", SummaryAtOne(cells)?.Active),
    ];
}
