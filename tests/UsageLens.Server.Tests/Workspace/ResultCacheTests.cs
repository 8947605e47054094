using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Server.Operations;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Tests.Workspace;

/// <summary>Reads done ahead of time (the warm-up, refreshes) never make a visitor wait for them.</summary>
public sealed class ResultCacheTests
{
    private static readonly DateOnly s_asOf = new(2026, 11, 30);
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_refresh_keeps_answering_visitors_with_the_kept_result_until_its_successor_is_read()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var cache = new ResultCache(new WorkspaceCatalogCache(new ScriptedStore()), clock, new ServerMetrics());
        var reads = 0;
        var refreshStarted = new TaskCompletionSource();
        var refreshMay = new TaskCompletionSource();
        async Task<KpiResult> Read(KpiContext context)
        {
            if (Interlocked.Increment(ref reads) == 1)
            {
                return Result(1);
            }
            refreshStarted.TrySetResult();
            await refreshMay.Task;
            return Result(2);
        }

        var first = await AskAsync(cache, Read);
        clock.Advance(TimeSpan.FromMinutes(4.5)); // past the refresh margin, before it expires
        var refresh = cache.RefreshAsync(default);
        await refreshStarted.Task.WaitAsync(s_wait);
        var duringRefresh = await AskAsync(cache, Read).WaitAsync(s_wait);
        refreshMay.SetResult();
        Assert.Equal(1, await refresh.WaitAsync(s_wait));
        var afterRefresh = await AskAsync(cache, Read);

        Assert.Equal([1.0, 1.0, 2.0], [first.Value!.Value, duringRefresh.Value!.Value, afterRefresh.Value!.Value]);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_read_done_ahead_waits_before_each_statement_while_a_visitors_read_runs()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var store = new ScriptedStore();
        var cache = new ResultCache(new WorkspaceCatalogCache(store), clock, new ServerMetrics());

        var warmUp = cache.KpiAsync("warm", s_asOf, AccountScope.All, async context =>
        {
            await context.QueryAsync(Statement("warm-1"), default);
            await context.QueryAsync(Statement("warm-2"), default);
            return Result(1);
        }, WorkspaceConfiguration.Empty, default, ResultReader.WarmUp);
        await store.Started("warm-1").WaitAsync(s_wait);
        var visit = AskAsync(cache, async context =>
        {
            await context.QueryAsync(Statement("visit"), default);
            return Result(2);
        });
        await store.Started("visit").WaitAsync(s_wait);
        store.Finish("warm-1");
        await TickAsync(clock, times: 20);
        var secondWhileVisiting = store.Issued("warm-2");
        store.Finish("visit");
        await visit.WaitAsync(s_wait);
        await TickUntilAsync(clock, () => store.Issued("warm-2"));
        store.Finish("warm-2");
        await warmUp.WaitAsync(s_wait);

        Assert.False(secondWhileVisiting);
        Assert.Equal(["warm-1", "visit", "warm-2"], store.Order);
    }

    [Fact]
    public async Task A_read_done_ahead_stops_giving_way_once_a_visitor_waits_for_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var store = new ScriptedStore();
        var cache = new ResultCache(new WorkspaceCatalogCache(store), clock, new ServerMetrics());
        async Task<KpiResult> WarmRead(KpiContext context)
        {
            await context.QueryAsync(Statement("warm-1"), default);
            await context.QueryAsync(Statement("warm-2"), default);
            return Result(1);
        }

        var warmUp = cache.KpiAsync("warm", s_asOf, AccountScope.All, WarmRead, WorkspaceConfiguration.Empty, default, ResultReader.WarmUp);
        await store.Started("warm-1").WaitAsync(s_wait);
        var otherVisit = AskAsync(cache, async context =>
        {
            await context.QueryAsync(Statement("visit"), default);
            return Result(2);
        });
        await store.Started("visit").WaitAsync(s_wait);
        var waitingVisit = cache.KpiAsync("warm", s_asOf, AccountScope.All, WarmRead, WorkspaceConfiguration.Empty, default);
        store.Finish("warm-1");
        await TickUntilAsync(clock, () => store.Issued("warm-2"));
        var secondWhileOtherVisits = store.Issued("warm-2");
        store.Finish("warm-2");
        var waited = await waitingVisit.WaitAsync(s_wait);
        store.Finish("visit");
        await Task.WhenAll(warmUp, otherVisit).WaitAsync(s_wait);

        Assert.True(secondWhileOtherVisits);
        Assert.Equal(1.0, waited.Value);
        Assert.Equal(["warm-1", "visit", "warm-2"], store.Order);
    }

    private static Task<KpiResult> AskAsync(ResultCache cache, Func<KpiContext, Task<KpiResult>> read) =>
        cache.KpiAsync("kpi", s_asOf, AccountScope.All, read, WorkspaceConfiguration.Empty, default);

    private static KpiResult Result(double value) =>
        new("usage", "api_call", new Period(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)), value, "count", []);

    private static SqlSelect Statement(string name) => new([], new SqlTable(WorkspaceTable.Events, name));

    // The background read polls for its turn on the cache's clock.
    private static async Task TickAsync(FakeTimeProvider clock, int times)
    {
        for (var i = 0; i < times; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(5);
        }
    }

    private static async Task TickUntilAsync(FakeTimeProvider clock, Func<bool> done)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!done() && DateTime.UtcNow < deadline)
        {
            await TickAsync(clock, times: 1);
        }
    }

    // Each statement (named by its alias) is held until the test finishes it, and the order they reached the store is kept.
    private sealed class ScriptedStore : IQueryStore
    {
        private readonly ConcurrentDictionary<string, (TaskCompletionSource Started, TaskCompletionSource Finished)> _statements = new();
        private readonly ConcurrentQueue<string> _order = new();

        public IReadOnlyList<string> Order => [.. _order];

        public Task Started(string name) => Of(name).Started.Task;

        public bool Issued(string name) => Of(name).Started.Task.IsCompleted;

        public void Finish(string name) => Of(name).Finished.SetResult();

        public RenderedSql Render(SqlSelect query) => new(query.From.Alias, []);

        public async Task<IReadOnlyList<QueryRow>> QueryAsync(SqlSelect query, CancellationToken cancellationToken)
        {
            var statement = Of(query.From.Alias);
            _order.Enqueue(query.From.Alias);
            statement.Started.SetResult();
            await statement.Finished.Task;
            return [];
        }

        public Task<WorkspaceCatalog> GetCatalogAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new WorkspaceCatalog(new Dictionary<string, string> { ["api_call"] = "count" }, new HashSet<string>(), new HashSet<string>(), new HashSet<string>()));

        private (TaskCompletionSource Started, TaskCompletionSource Finished) Of(string name) =>
            _statements.GetOrAdd(name, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
    }
}
