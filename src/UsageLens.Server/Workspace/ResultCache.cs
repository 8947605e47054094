using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights;
using UsageLens.Insights.Customers;

namespace UsageLens.Server.Workspace;

/// <summary>
/// Results the dashboard asks for again and again, kept until the next commit: the customer list per (as-of, scope,
/// metric), insights with their defaults per (as-of, scope), which the customer 360 picks an account's findings from,
/// and KPIs per (request, as-of, scope). Paging, sorting, opening one account after another and moving between pages
/// cost no statement. Entries are keyed by the catalog cache's generation, which the group-commit writer advances
/// after each commit, and are read again after <see cref="MaxAge"/>, for a ClickHouse workspace another process writes to.
/// </summary>
internal sealed class ResultCache(WorkspaceCatalogCache catalogs, TimeProvider clock)
{
    /// <summary>How long an entry is served without a commit through this server.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    // Enough for the pages, days and partners a dashboard looks at in one sitting; the oldest entry goes first.
    private const int Capacity = 256;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string What, DateOnly AsOf, AccountScope Scope, string? Metric), (Task<object> Read, DateTimeOffset At)> _reads = [];
    private readonly Queue<(string, DateOnly, AccountScope, string?)> _order = new();
    private long _generation = -1;

    public async Task<AccountList> ListAsync(DateOnly asOf, AccountScope scope, string? metric, WorkspaceConfiguration configuration, CancellationToken cancellationToken) =>
        (AccountList)await GetAsync(("list", asOf, scope, metric), async context => await AccountListReader.ReadAsync(asOf, scope, metric, context, CancellationToken.None).ConfigureAwait(false), configuration, cancellationToken).ConfigureAwait(false);

    public async Task<InsightResult> InsightAsync(string name, DateOnly asOf, AccountScope scope, WorkspaceConfiguration configuration, CancellationToken cancellationToken) =>
        (InsightResult)await GetAsync(($"insight:{name}", asOf, scope, null), async context => await InsightRegistry.Find(name).ComputeAsync(new InsightRequest(asOf, scope), context, CancellationToken.None).ConfigureAwait(false), configuration, cancellationToken).ConfigureAwait(false);

    /// <summary>A KPI's result for one request, <paramref name="request"/> naming its parameters in a canonical order.</summary>
    public async Task<KpiResult> KpiAsync(string request, DateOnly asOf, AccountScope scope, Func<KpiContext, Task<KpiResult>> compute, WorkspaceConfiguration configuration, CancellationToken cancellationToken) =>
        (KpiResult)await GetAsync(($"kpi:{request}", asOf, scope, null), async context => await compute(context).ConfigureAwait(false), configuration, cancellationToken).ConfigureAwait(false);

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
            var now = clock.GetUtcNow();
            var known = _reads.TryGetValue(key, out var found);
            if (!known || found.Read.IsFaulted || found.Read.IsCanceled || now - found.At > MaxAge)
            {
                if (!known)
                {
                    if (_order.Count >= Capacity)
                    {
                        _reads.Remove(_order.Dequeue());
                    }
                    _order.Enqueue(key);
                }
                // Shared by every waiting request, so it runs without any one request's token; each read has its own context (SQL log).
                found = (Task.Run(async () => await read(await catalogs.KpiContextAsync(configuration, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false)), now);
                _reads[key] = found;
            }
            return found.Read.WaitAsync(cancellationToken);
        }
    }
}
