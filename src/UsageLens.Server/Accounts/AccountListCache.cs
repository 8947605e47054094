using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Customers;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Accounts;

/// <summary>
/// The customer list per (as-of, scope, metric), read once and kept until the next commit: it is read for every
/// account at once, so paging, sorting and searching it again costs no statement. Entries are keyed by the
/// catalog cache's generation, which the group-commit writer advances after each commit.
/// </summary>
internal sealed class AccountListCache(WorkspaceCatalogCache catalogs)
{
    // Enough for the days and partners a dashboard looks at in one sitting; the oldest entry goes first.
    private const int Capacity = 32;
    private readonly Lock _lock = new();
    private readonly Dictionary<(DateOnly AsOf, AccountScope Scope, string? Metric), Task<AccountList>> _lists = [];
    private readonly Queue<(DateOnly, AccountScope, string?)> _order = new();
    private long _generation = -1;

    public Task<AccountList> ListAsync(DateOnly asOf, AccountScope scope, string? metric, WorkspaceConfiguration configuration, CancellationToken cancellationToken)
    {
        var key = (asOf, scope, metric);
        lock (_lock)
        {
            var generation = catalogs.Generation;
            if (generation != _generation)
            {
                _lists.Clear();
                _order.Clear();
                _generation = generation;
            }
            if (!_lists.TryGetValue(key, out var list) || list.IsFaulted || list.IsCanceled)
            {
                if (list is null)
                {
                    if (_order.Count >= Capacity)
                    {
                        _lists.Remove(_order.Dequeue());
                    }
                    _order.Enqueue(key);
                }
                // Shared by every waiting request, so it runs without any one request's token.
                list = Task.Run(() => ReadAsync(asOf, scope, metric, configuration));
                _lists[key] = list;
            }
            return list.WaitAsync(cancellationToken);
        }
    }

    private async Task<AccountList> ReadAsync(DateOnly asOf, AccountScope scope, string? metric, WorkspaceConfiguration configuration)
    {
        var context = await catalogs.KpiContextAsync(configuration, CancellationToken.None).ConfigureAwait(false);
        return await AccountListReader.ReadAsync(asOf, scope, metric, context, CancellationToken.None).ConfigureAwait(false);
    }
}
