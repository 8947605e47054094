using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis;

/// <summary>
/// One evaluation of the top-customer share over a period, optionally per bucket and group.
/// It reads per-account usage and per-account ranking values in a few set-wise queries and
/// leaves the arithmetic to <see cref="TopCustomerShare"/>.
/// </summary>
internal sealed class TopShareEvaluation(KpiRequest request, KpiContext context, Period period, Grain? grain, IReadOnlyList<Dimension> groups)
{
    private static readonly Dimension s_account = new("account_id", DimensionSource.Event, "account_id", DimensionKind.Text);

    private readonly TopSelection _top = request.Top ?? TopSelection.OfPercent(20);
    private readonly Ranking _ranking = request.RankBy ?? Ranking.Revenue;
    private readonly List<Filter> _accountFilters = request.Filters.Where(f => f.Dimension.Source == DimensionSource.Account).ToList();
    // Every group tuple seen in the usage (or ranking usage) rows, by its joined key.
    private readonly Dictionary<string, string?[]> _groupValues = new(StringComparer.Ordinal);
    private readonly List<int> _accountGroupIndexes = groups.Select((g, i) => (g, i)).Where(x => x.g.Source == DimensionSource.Account).Select(x => x.i).ToList();

    public async Task<IReadOnlyList<(IReadOnlyList<KeyValuePair<string, string?>> Keys, TopShareOutcome Outcome)>> RunAsync(CancellationToken cancellationToken)
    {
        var buckets = grain is { } g ? Calendar.Buckets(period, g, request.WeekStart) : [new Bucket(period.From, period)];
        var usage = await PerAccountAsync(request.RequireMetric("top-customer-share"), cancellationToken).ConfigureAwait(false);
        var rankedUsage = _ranking.Usage is { } rankMetric ? await PerAccountAsync(rankMetric, cancellationToken).ConfigureAwait(false) : null;
        // Ranking by MRR or usage needs the accounts table only to narrow the population.
        var attributes = _ranking.AccountField is not null || _top.Matching is not null || _accountGroupIndexes.Count > 0 || _accountFilters.Count > 0
            ? await AttributesAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var matching = _top.Matching is { } topFilters ? await MatchingAsync(topFilters, cancellationToken).ConfigureAwait(false) : null;

        if (groups.Count == 0)
        {
            _groupValues.TryAdd(RowKeys.Join([]), []);
        }
        var results = new List<(IReadOnlyList<KeyValuePair<string, string?>>, TopShareOutcome)>();
        foreach (var bucket in buckets)
        {
            var mrr = _ranking.IsMrr ? await MrrAsync(bucket.Period.To, cancellationToken).ConfigureAwait(false) : null;
            foreach (var (groupKey, values) in _groupValues.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var label = grain is null ? null : KpiValues.Label(bucket.Label);
                var rowUsage = usage.GetValueOrDefault((label, groupKey)) ?? [];
                var members = attributes?.Where(a => InRow(a.Value.Groups, values)).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
                var candidates = Candidates(attributes, members, values, mrr, rankedUsage?.GetValueOrDefault((label, groupKey)));
                var outcome = matching is null
                    ? TopCustomerShare.Compute(candidates, rowUsage, rowUsage.Values.Sum(), _top, request.Variant == TopCustomerShareKpi.RevenueWeighted)
                    : TopCustomerShare.ComputeForSet(matching.Where(m => members is null || members.Contains(m)).ToList(), members?.Count ?? 0, rowUsage, rowUsage.Values.Sum());
                results.Add((RowKeys.Of(label, groups, values), outcome));
            }
        }
        return results;
    }

    private IEnumerable<RankedAccount> Candidates(
        Dictionary<string, (double? Value, string?[] Groups)>? attributes,
        HashSet<string>? members,
        string?[] rowValues,
        Dictionary<string, double>? mrr,
        Dictionary<string, double>? rankedUsage)
    {
        if (_ranking.AccountField is not null)
        {
            return attributes!.Where(a => members!.Contains(a.Key) && a.Value.Value is not null).Select(a => new RankedAccount(a.Key, a.Value.Value!.Value));
        }
        // An account the CRM does not know has empty account dimensions: it belongs to the row whose
        // account group values are all empty, where its usage is already counted, and is ranked there.
        var unknownBelongs = InRow(new string?[_accountGroupIndexes.Count], rowValues);
        var source = mrr ?? rankedUsage ?? [];
        return source.Where(s => members is null || members.Contains(s.Key) || (unknownBelongs && !attributes!.ContainsKey(s.Key)))
            .Select(s => new RankedAccount(s.Key, s.Value));
    }

    private bool InRow(string?[] accountGroups, string?[] rowValues)
    {
        for (var i = 0; i < _accountGroupIndexes.Count; i++)
        {
            if (!string.Equals(accountGroups[i], rowValues[_accountGroupIndexes[i]], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Usage per (bucket label, group tuple), per account.</summary>
    private async Task<Dictionary<(string? Label, string Groups), Dictionary<string, double>>> PerAccountAsync(UsageMetric metric, CancellationToken cancellationToken)
    {
        var query = new MetricQuery(metric, period, request.Scope, request.Filters, grain, [.. groups, s_account], request.WeekStart, context.Reads);
        var rows = await context.QueryAsync(QueryPlanner.Usage(query), cancellationToken).ConfigureAwait(false);
        var accountColumn = QueryPlanner.GroupColumn(groups.Count);
        var result = new Dictionary<(string?, string), Dictionary<string, double>>();
        foreach (var row in rows)
        {
            var (label, values) = RowKeys.Read(row, grain is not null, groups.Count);
            var key = (label, RowKeys.Join(values));
            _groupValues.TryAdd(key.Item2, values);
            if (!result.TryGetValue(key, out var accounts))
            {
                result[key] = accounts = new Dictionary<string, double>(StringComparer.Ordinal);
            }
            accounts[row.GetString(accountColumn)] = row.GetDouble("value");
        }
        return result;
    }

    private async Task<Dictionary<string, (double? Value, string?[] Groups)>> AttributesAsync(CancellationToken cancellationToken)
    {
        var accountGroups = _accountGroupIndexes.Select(i => groups[i]).ToList();
        var query = QueryPlanner.AccountAttributes(request.Scope, _accountFilters, _ranking.AccountField, accountGroups);
        var rows = await context.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(
            r => r.GetString("account_id"),
            r => (r.GetNullableDouble("value"), accountGroups.Select((_, i) => r.GetText(QueryPlanner.GroupColumn(i))).ToArray()),
            StringComparer.Ordinal);
    }

    private async Task<List<string>> MatchingAsync(IReadOnlyList<Filter> topFilters, CancellationToken cancellationToken)
    {
        var query = QueryPlanner.AccountAttributes(request.Scope, [.. _accountFilters, .. topFilters], null, []);
        var rows = await context.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.GetString("account_id")).ToList();
    }

    private async Task<Dictionary<string, double>> MrrAsync(DateTime instant, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(QueryPlanner.MrrAt(instant, request.Scope, _accountFilters), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.GetString("account_id"), r => r.GetDouble("value"), StringComparer.Ordinal);
    }
}
