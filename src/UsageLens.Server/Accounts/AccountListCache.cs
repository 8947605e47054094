using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics;
using UsageLens.Insights;
using UsageLens.Insights.Customers;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Accounts;

/// <summary>
/// The customer list per (as-of, scope, metric), and the insights the customer 360 picks an account's findings from
/// per (as-of, scope), each read once for every account and kept until the next commit: paging, sorting, searching
/// and opening one account after another cost no statement. Entries are keyed by the catalog cache's generation,
/// which the group-commit writer advances after each commit.
/// </summary>
internal sealed class AccountListCache(WorkspaceCatalogCache catalogs)
{
    // Enough for the days and partners a dashboard looks at in one sitting; the oldest entry goes first.
    private const int Capacity = 64;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string What, DateOnly AsOf, AccountScope Scope, string? Metric), Task<object>> _reads = [];
    private readonly Queue<(string, DateOnly, AccountScope, string?)> _order = new();
    private long _generation = -1;

    public async Task<AccountList> ListAsync(DateOnly asOf, AccountScope scope, string? metric, WorkspaceConfiguration configuration, CancellationToken cancellationToken) =>
        (AccountList)await GetAsync(("list", asOf, scope, metric), async context => await AccountListReader.ReadAsync(asOf, scope, metric, context, CancellationToken.None).ConfigureAwait(false), configuration, cancellationToken).ConfigureAwait(false);

    public async Task<InsightResult> InsightAsync(string name, DateOnly asOf, AccountScope scope, WorkspaceConfiguration configuration, CancellationToken cancellationToken) =>
        (InsightResult)await GetAsync(($"insight:{name}", asOf, scope, null), async context => await InsightRegistry.Find(name).ComputeAsync(new InsightRequest(asOf, scope), context, CancellationToken.None).ConfigureAwait(false), configuration, cancellationToken).ConfigureAwait(false);

    private Task<object> GetAsync((string, DateOnly, AccountScope, string?) key, Func<Core.Kpis.KpiContext, Task<object>> read, WorkspaceConfiguration configuration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var generation = catalogs.Generation;
            if (generation != _generation)
            {
                _reads.Clear();
                _order.Clear();
                _generation = generation;
            }
            if (!_reads.TryGetValue(key, out var found) || found.IsFaulted || found.IsCanceled)
            {
                if (found is null)
                {
                    if (_order.Count >= Capacity)
                    {
                        _reads.Remove(_order.Dequeue());
                    }
                    _order.Enqueue(key);
                }
                // Shared by every waiting request, so it runs without any one request's token; each read has its own context (SQL log).
                found = Task.Run(async () => await read(await catalogs.KpiContextAsync(configuration, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false));
                _reads[key] = found;
            }
            return found.WaitAsync(cancellationToken);
        }
    }
}
