using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Usage;

/// <summary>
/// The concentration of a usage metric across accounts: Gini as the value, HHI and the top accounts'
/// share as parts, and either a top-N table or the Lorenz curve as rows. With --grain or --group-by
/// the rows are instead the Gini of each bucket or group.
/// </summary>
internal sealed class ConcentrationKpi : IKpi
{
    private static readonly Dimension s_account = new("account_id", DimensionSource.Event, "account_id", DimensionKind.Text);

    public const string Name = KpiNames.Concentration;

    public KpiDefinition Definition { get; } = new(
        Name,
        "Usage concentration",
        "over accounts with usage, sorted ascending x₁…xₙ: Gini = 2·Σ i·xᵢ ÷ (n·Σx) − (n+1)/n; HHI = Σ (100·share)²; Lorenz: cumulative % of usage of the smallest k% of accounts",
        RequiresMetric: true)
    {
        Synonyms = [.. KpiSynonym.Phrases("concentration", "usage concentration", "gini", "hhi", "lorenz", "lorenz curve", "concentrated", "gini coefficient", "herfindahl")],
        MetricRole = KpiMetricRole.Measured,
        Chart = KpiChart.Table,
        Options =
        [
            new("view", "rows to show without --grain/--group-by: top (the heaviest accounts, as many as --top says, default 10) or lorenz (101 points)"),
        ],
    };

    public async Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var metric = request.RequireMetric(Definition.Name);
        var view = request.ChoiceOption("view", "top", "lorenz");
        var top = request.Top;
        if (top?.Matching is not null)
        {
            throw new UsageLensException("concentration takes --top as a count or a percentage, not --top-where");
        }
        var outcome = (await PerAccountAsync(request, context, request.Period, null, [], top, cancellationToken).ConfigureAwait(false)).Single().Outcome;
        var previous = await KpiComparison.ForPreviousAsync(request, async before =>
        {
            var earlier = (await PerAccountAsync(request, context, before, null, [], top, cancellationToken).ConfigureAwait(false)).Single().Outcome;
            return new KpiOutcome(earlier.Gini, earlier.Parts);
        }).ConfigureAwait(false);
        IReadOnlyList<KpiRow> rows = request.IsBreakdown
            ? (await PerAccountAsync(request, context, request.Period, request.Grain, request.GroupBy, top, cancellationToken).ConfigureAwait(false))
                .Select(r => new KpiRow(r.Keys, r.Outcome.Gini, r.Outcome.Parts)).ToList()
            : view == "lorenz"
                ? outcome.Lorenz.Select(p => new KpiRow([new("accounts_percent", Percent(p.AccountsPercent))], p.UsagePercent, [])).ToList()
                : outcome.Leaders.Select((l, i) => new KpiRow([new("rank", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), new("account_id", l.Account)], l.Usage, [new("share", l.Share)])).ToList();
        return new KpiResult(Definition.Name, metric.ToString(), request.Period, outcome.Gini, "ratio", outcome.Parts)
        {
            Previous = previous,
            Rows = rows,
            Accounts = outcome.Leaders.Select(l => l.Account).ToList(),
            Sql = context.Sql,
        };
    }

    private static async Task<List<(IReadOnlyList<KeyValuePair<string, string?>> Keys, ConcentrationOutcome Outcome)>> PerAccountAsync(
        KpiRequest request, KpiContext context, Period period, Sql.Grain? grain, IReadOnlyList<Dimension> groups, TopSelection? top, CancellationToken cancellationToken)
    {
        var query = new MetricQuery(request.Metric!, period, request.Scope, request.Filters, grain, [.. groups, s_account], request.WeekStart, context.Reads);
        var rows = await context.QueryAsync(QueryPlanner.Usage(query), cancellationToken).ConfigureAwait(false);
        var accountColumn = QueryPlanner.GroupColumn(groups.Count);
        var byKey = new SortedDictionary<string, (string? Period, string?[] Values, List<(string, double)> Usage)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (label, values) = RowKeys.Read(row, grain is not null, groups.Count);
            var key = RowKeys.Join(values.Prepend(label));
            if (!byKey.TryGetValue(key, out var entry))
            {
                byKey[key] = entry = (label, values, []);
            }
            entry.Usage.Add((row.GetString(accountColumn), row.GetDouble("value")));
        }
        if (byKey.Count == 0 && grain is null && groups.Count == 0)
        {
            byKey[""] = (null, [], []);
        }
        return byKey.Values.Select(e => (RowKeys.Of(e.Period, groups, e.Values), UsageConcentration.Compute(e.Usage, top))).ToList();
    }

    private static string Percent(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
