using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights;
using UsageLens.Insights.Customers;
using UsageLens.Server.Operations;

namespace UsageLens.Server.Workspace;

/// <summary>
/// Results the dashboard asks for again and again, kept until the next commit: the customer list per (as-of, scope,
/// metric), insights with their defaults per (as-of, scope), which the customer 360 picks an account's findings from,
/// and KPIs per (request, as-of, scope). Paging, sorting, opening one account after another and moving between pages
/// cost no statement. Entries are keyed by the catalog cache's generation, which the group-commit writer advances
/// after each commit, and are read again after <see cref="MaxAge"/>, for a ClickHouse workspace another process writes to.
/// What was asked for in the last <see cref="HotFor"/> is "hot": <see cref="RefreshAsync"/> reads it again ahead of
/// the next visit, once a commit or its age has made it stale, so the pages people keep open stay fast after ingestion.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim holds no OS handle (AvailableWaitHandle is never read); disposing it at shutdown would make the Release of a computation still running throw.")]
internal sealed class ResultCache(WorkspaceCatalogCache catalogs, TimeProvider clock, ServerMetrics metrics)
{
    /// <summary>How long an entry is served without a commit through this server.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How long after it was last asked for a result is read again ahead of time.</summary>
    public static readonly TimeSpan HotFor = TimeSpan.FromMinutes(30);

    // A refresh reads an entry again this long before it would expire, so a visit never finds it expired.
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromMinutes(1);

    // Enough for the pages, days and partners a dashboard looks at in one sitting; the oldest entry goes first.
    private const int Capacity = 256;

    // The most results kept hot: a few dashboards' pages, so a refresh after a commit costs seconds, not minutes.
    private const int HotCapacity = 64;

    private readonly Lock _lock = new();
    private readonly Dictionary<ResultKey, (Task<object> Read, DateTimeOffset At, ReadAhead? Ahead)> _reads = [];
    private readonly Queue<ResultKey> _order = new();
    private readonly Dictionary<ResultKey, HotResult> _hot = [];
    private long _generation = -1;

    // Computations run DuckDB's synchronous API on thread-pool threads, and DuckDB already uses every core for one
    // statement: more of them at once only block more threads. A dashboard page asks for a dozen results together,
    // and with every pool thread blocked the server answered nothing else (a sign-out waited 30 s on a loaded
    // 2-core machine) until the pool grew. The rest wait here without holding a thread.
    private readonly SemaphoreSlim _computing = new(Math.Max(2, Environment.ProcessorCount));

    // Visitors' computations, waiting or running. Reads done ahead of time (the warm-up, refreshes) wait before each
    // statement while there are any: DuckDB gives every statement all the cores, so a refresh of the overview's
    // insights (7-15 s at 100M events) beside a visitor's KPI made that KPI take seconds instead of 100 ms. Under
    // visitors who never pause, a refresh waits, its entry expires, and the next visit computes it, as with no refresh.
    private int _visitorsComputing;

    private static readonly TimeSpan s_turnPoll = TimeSpan.FromMilliseconds(10);

    public async Task<AccountList> ListAsync(DateOnly asOf, AccountScope scope, string? metric, WorkspaceConfiguration configuration, CancellationToken cancellationToken, ResultReader by = ResultReader.Request) =>
        (AccountList)await GetAsync(new("list", asOf, scope, metric), async context => await AccountListReader.ReadAsync(asOf, scope, metric, context, CancellationToken.None).ConfigureAwait(false), configuration, by, cancellationToken).ConfigureAwait(false);

    public async Task<InsightResult> InsightAsync(string name, DateOnly asOf, AccountScope scope, WorkspaceConfiguration configuration, CancellationToken cancellationToken, ResultReader by = ResultReader.Request) =>
        (InsightResult)await GetAsync(new($"insight:{name}", asOf, scope, null), async context => await InsightRegistry.Find(name).ComputeAsync(new InsightRequest(asOf, scope), context, CancellationToken.None).ConfigureAwait(false), configuration, by, cancellationToken).ConfigureAwait(false);

    /// <summary>A KPI's result for one request, <paramref name="request"/> naming its parameters in a canonical order.</summary>
    public async Task<KpiResult> KpiAsync(string request, DateOnly asOf, AccountScope scope, Func<KpiContext, Task<KpiResult>> compute, WorkspaceConfiguration configuration, CancellationToken cancellationToken, ResultReader by = ResultReader.Request) =>
        (KpiResult)await GetAsync(new($"kpi:{request}", asOf, scope, null), async context => await compute(context).ConfigureAwait(false), configuration, by, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Reads again, one after another, the hot results a commit or their age has made stale; returns how many it read.
    /// A result that fails is left for the next visit to compute and report.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        List<(ResultKey Key, HotResult Hot)> stale;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            foreach (var cold in _hot.Where(h => now - h.Value.AskedAt > HotFor).Select(h => h.Key).ToList())
            {
                _hot.Remove(cold);
            }
            stale = [.. _hot.Where(h => Stale(h.Key, now))
                .OrderByDescending(h => h.Value.AskedAt).Select(h => (h.Key, h.Value))];
        }
        foreach (var (key, hot) in stale)
        {
            try
            {
                await GetAsync(key, hot.Read, hot.Configuration, ResultReader.Refresh, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // the visit that asks for it next computes it again and reports the error
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
        return stale.Count;
    }

    private Task<object> GetAsync(ResultKey key, Func<KpiContext, Task<object>> read, WorkspaceConfiguration configuration, ResultReader by, CancellationToken cancellationToken)
    {
        // A refresh reads an entry again a little before a request would find it expired.
        var maxAge = by == ResultReader.Refresh ? MaxAge - s_refreshMargin : MaxAge;
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
            if (by != ResultReader.Refresh)
            {
                KeepHot(key, new HotResult(read, configuration, now));
            }
            var known = _reads.TryGetValue(key, out var found);
            var fresh = known && Usable(found, now, maxAge);
            metrics.ResultReads.WithLabels(fresh ? "kept" : "computed", by switch { ResultReader.Request => "request", ResultReader.WarmUp => "warm-up", _ => "refresh" }).Inc();
            if (!fresh)
            {
                if (by == ResultReader.Refresh && known && found.Read.IsCompletedSuccessfully && now - found.At <= MaxAge)
                {
                    // Not expired yet: visitors keep getting the kept answer until its successor is read.
                    var successor = new ReadAhead();
                    return ReplaceWhenReadAsync(key, found.Read, Task.Run(() => ComputeAsync(read, configuration, successor)), now, successor, generation).WaitAsync(cancellationToken);
                }
                if (!known)
                {
                    if (_order.Count >= Capacity)
                    {
                        _reads.Remove(_order.Dequeue());
                    }
                    _order.Enqueue(key);
                }
                // Shared by every waiting request, so it runs without any one request's token; each read has its own context (SQL log).
                var ahead = by == ResultReader.Request ? null : new ReadAhead();
                found = (Task.Run(() => ComputeAsync(read, configuration, ahead)), now, ahead);
                _reads[key] = found;
            }
            else if (by == ResultReader.Request && !found.Read.IsCompleted)
            {
                found.Ahead?.Awaited();
            }
            return found.Read.WaitAsync(cancellationToken);
        }
    }

    // A visitor's read when ahead is null; it is counted while it waits and runs, and reads done ahead give way to it,
    // before they take a computing slot (so a waiting one holds none) and again before each statement.
    private async Task<object> ComputeAsync(Func<KpiContext, Task<object>> read, WorkspaceConfiguration configuration, ReadAhead? ahead)
    {
        if (ahead is not null)
        {
            await GiveWayAsync(ahead, CancellationToken.None).ConfigureAwait(false);
            return await ComputeInTurnAsync(read, await catalogs.KpiContextAsync(configuration, turn => GiveWayAsync(ahead, turn), CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);
        }
        Interlocked.Increment(ref _visitorsComputing);
        try
        {
            return await ComputeInTurnAsync(read, await catalogs.KpiContextAsync(configuration, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _visitorsComputing);
        }
    }

    private async Task<object> ComputeInTurnAsync(Func<KpiContext, Task<object>> read, KpiContext context)
    {
        await _computing.WaitAsync().ConfigureAwait(false);
        try
        {
            return await read(context).ConfigureAwait(false);
        }
        finally
        {
            _computing.Release();
        }
    }

    private async Task GiveWayAsync(ReadAhead ahead, CancellationToken cancellationToken)
    {
        while (!ahead.IsAwaited && Volatile.Read(ref _visitorsComputing) > 0)
        {
            await Task.Delay(s_turnPoll, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    // A refresh's result takes the kept one's place only if nothing replaced that meanwhile (a visit after it expired)
    // and no commit made both stale; it counts its age from when its read started.
    private async Task<object> ReplaceWhenReadAsync(ResultKey key, Task<object> kept, Task<object> next, DateTimeOffset startedAt, ReadAhead ahead, long generation)
    {
        var value = await next.ConfigureAwait(false);
        lock (_lock)
        {
            if (catalogs.Generation == generation && _reads.TryGetValue(key, out var current) && current.Read == kept)
            {
                _reads[key] = (next, startedAt, ahead);
            }
        }
        return value;
    }

    // A result that failed since the last commit is left to the next request, which reports why; a refresh would
    // only fail again, once a second.
    private bool Stale(ResultKey key, DateTimeOffset now) =>
        catalogs.Generation != _generation || !_reads.TryGetValue(key, out var entry) || (entry.Read.IsCompletedSuccessfully && now - entry.At > MaxAge - s_refreshMargin);

    private static bool Usable((Task<object> Read, DateTimeOffset At, ReadAhead? Ahead) entry, DateTimeOffset now, TimeSpan maxAge) =>
        !entry.Read.IsFaulted && !entry.Read.IsCanceled && now - entry.At <= maxAge;

    private void KeepHot(ResultKey key, HotResult hot)
    {
        if (!_hot.ContainsKey(key) && _hot.Count >= HotCapacity)
        {
            _hot.Remove(_hot.MinBy(h => h.Value.AskedAt).Key);
        }
        _hot[key] = hot;
    }

    private readonly record struct ResultKey(string What, DateOnly AsOf, AccountScope Scope, string? Metric);

    private sealed record HotResult(Func<KpiContext, Task<object>> Read, WorkspaceConfiguration Configuration, DateTimeOffset AskedAt);
}
