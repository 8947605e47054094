using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Tests.Workspace;

public sealed class WorkspaceCatalogCacheTests
{
    [Fact]
    public async Task A_failed_read_is_not_kept_and_the_next_request_reads_again()
    {
        var store = new FlakyCatalogStore(failures: 1);
        var cache = new WorkspaceCatalogCache(store);

        await Assert.ThrowsAsync<IOException>(() => cache.CatalogAsync(default));
        var catalog = await cache.CatalogAsync(default);
        await cache.CatalogAsync(default);

        Assert.Equal(["api_call"], catalog.MeterUnits.Keys);
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task A_cancelled_request_does_not_cancel_the_read_others_wait_for()
    {
        var store = new FlakyCatalogStore(failures: 0);
        var cache = new WorkspaceCatalogCache(store);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.CatalogAsync(cancelled.Token));
        await cache.CatalogAsync(default);
        cache.Invalidate();
        await cache.CatalogAsync(default);

        Assert.Equal(2, store.Reads);
    }

    private sealed class FlakyCatalogStore(int failures) : IQueryStore
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public RenderedSql Render(SqlSelect query) => throw new NotSupportedException();

        public Task<IReadOnlyList<QueryRow>> QueryAsync(SqlSelect query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<WorkspaceCatalog> GetCatalogAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _reads) <= failures
                ? Task.FromException<WorkspaceCatalog>(new IOException("the engine is away"))
                : Task.FromResult(new WorkspaceCatalog(new Dictionary<string, string> { ["api_call"] = "count" }, new HashSet<string>(), new HashSet<string>(), new HashSet<string>()));
    }
}
