using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Revenue;

/// <summary>
/// Reads the subscription timeline for one request: per-account MRR at an instant and the accounts
/// that paid before an instant, each instant read once (a bucket's end is the next one's start).
/// Everything read carries the request's scope and account filters.
/// </summary>
internal sealed class RevenueTimeline(KpiRequest request, KpiContext context)
{
    private readonly Dictionary<DateTime, IReadOnlyDictionary<string, double>> _mrr = [];
    private readonly Dictionary<DateTime, IReadOnlySet<string>> _paidBefore = [];
    private readonly List<Filter> _accountFilters = AccountFilters(request);

    public async Task<IReadOnlyDictionary<string, double>> MrrAtAsync(DateTime instant, CancellationToken cancellationToken)
    {
        if (!_mrr.TryGetValue(instant, out var mrr))
        {
            var rows = await context.QueryAsync(QueryPlanner.MrrAt(instant, request.Scope, _accountFilters), cancellationToken).ConfigureAwait(false);
            _mrr[instant] = mrr = rows.ToDictionary(r => r.GetString("account_id"), r => r.GetDouble("value"), StringComparer.Ordinal);
        }
        return mrr;
    }

    public async Task<IReadOnlySet<string>> PaidBeforeAsync(DateTime instant, CancellationToken cancellationToken)
    {
        if (!_paidBefore.TryGetValue(instant, out var accounts))
        {
            var rows = await context.QueryAsync(RevenuePlanner.PaidBefore(instant, request.Scope, _accountFilters), cancellationToken).ConfigureAwait(false);
            _paidBefore[instant] = accounts = rows.Select(r => r.GetString("account_id")).ToHashSet(StringComparer.Ordinal);
        }
        return accounts;
    }

    /// <summary>The group-by dimensions' values per account in scope, for splitting accounts into groups.</summary>
    public async Task<IReadOnlyDictionary<string, string?[]>> GroupsAsync(CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, _accountFilters, null, request.GroupBy), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.GetString("account_id"), r => request.GroupBy.Select((_, i) => r.GetText(QueryPlanner.GroupColumn(i))).ToArray(), StringComparer.Ordinal);
    }

    // Revenue lives on accounts, so only account dimensions can narrow or split it.
    private static List<Filter> AccountFilters(KpiRequest request)
    {
        if (request.Filters.FirstOrDefault(f => !IsAccountDimension(f.Dimension)) is { } filter)
        {
            throw new UsageLensException($"revenue KPIs filter by account dimensions only; '{filter.Dimension.Name}' is not one");
        }
        if (request.GroupBy.FirstOrDefault(d => d.Source != DimensionSource.Account) is { } dimension)
        {
            throw new UsageLensException($"revenue KPIs group by account dimensions only, such as segment or plan; '{dimension.Name}' is not one");
        }
        return request.Filters.ToList();
    }

    private static bool IsAccountDimension(Dimension dimension) => dimension.Source == DimensionSource.Account || dimension.IsAccountId;
}
