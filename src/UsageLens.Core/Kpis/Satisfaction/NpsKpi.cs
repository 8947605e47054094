using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Satisfaction;

/// <summary>Net Promoter Score over the answers given in the period, by any account dimension and over time.</summary>
internal sealed class NpsKpi : IKpi
{
    public KpiDefinition Definition { get; } = new(
        "nps",
        "Net Promoter Score",
        "NPS = % promoters (9–10) − % detractors (0–6) of all answers in [from, to), passives in the denominator; margin of error (95%) = 1.96·√(((p₊+p₋) − (p₊−p₋)²)/n)·100",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("nps", "net promoter score", "promoter score")],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var total = NetPromoterScore.Compute(await ScoresAsync(request, context, request.Period, cancellationToken).ConfigureAwait(false));
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
        {
            var earlier = NetPromoterScore.Compute(await ScoresAsync(request, context, before, cancellationToken).ConfigureAwait(false));
            return new KpiOutcome(earlier.Score, earlier.Parts);
        }).ConfigureAwait(false);
        return new KpiResult(Definition.Name, null, request.Period, total.Score, "points", total.Parts)
        {
            Previous = previous,
            Rows = request.IsBreakdown ? await BreakdownAsync(request, context, cancellationToken).ConfigureAwait(false) : null,
            Sql = context.Sql,
        };
    }

    private static async Task<IEnumerable<(int, long)>> ScoresAsync(KpiRequest request, KpiContext context, Period period, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(SurveyPlanner.ScoreCounts(period, request.Scope, request.Filters, null, []), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => ((int)r.GetDouble("score"), (long)r.GetDouble("value")));
    }

    private static async Task<IReadOnlyList<KpiRow>> BreakdownAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var query = SurveyPlanner.ScoreCounts(request.Period, request.Scope, request.Filters, request.Grain, request.GroupBy, request.WeekStart);
        var rows = await context.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var groups = new SortedDictionary<string, (string? Period, string?[] Values, List<(int, long)> Scores)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (period, values) = RowKeys.Read(row, request.Grain is not null, request.GroupBy.Count);
            var key = RowKeys.Join(values.Prepend(period));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (period, values, []);
            }
            group.Scores.Add(((int)row.GetDouble("score"), (long)row.GetDouble("value")));
        }
        return groups.Values.Select(g =>
        {
            var outcome = NetPromoterScore.Compute(g.Scores);
            return new KpiRow(RowKeys.Of(g.Period, request.GroupBy, g.Values), outcome.Score, outcome.Parts);
        }).ToList();
    }
}
