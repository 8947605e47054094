using UsageLens.Core.Keys;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;

namespace UsageLens.Server.Tests.Support;

/// <summary>A workspace whose reads are counted: how often the server asked the engine for the catalog, and how many statements it ran.</summary>
internal sealed class CountingWorkspaceStore(IWorkspaceStore inner) : IWorkspaceStore, IQueryStore
{
    private int _catalogReads;

    private int _queries;

    public int CatalogReads => Volatile.Read(ref _catalogReads);

    /// <summary>How many statements the server ran.</summary>
    public int Queries => Volatile.Read(ref _queries);

    public string Location => inner.Location;

    IQueryStore IWorkspaceStore.Queries => this;

    public IIngestionStore Ingestion => inner.Ingestion;

    public IApiKeyStore Keys => inner.Keys;

    public Core.Users.IUserStore Users => inner.Users;

    public Core.Erasure.IErasureStore Erasures => inner.Erasures;

    public Core.Reports.IReportRunStore ReportRuns => inner.ReportRuns;

    public RenderedSql Render(SqlSelect query) => inner.Queries.Render(query);

    public Task<IReadOnlyList<QueryRow>> QueryAsync(SqlSelect query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queries);
        return inner.Queries.QueryAsync(query, cancellationToken);
    }

    public Task<WorkspaceCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _catalogReads);
        return inner.Queries.GetCatalogAsync(cancellationToken);
    }

    // The inner store is the test server's and is disposed with it.
    public void Dispose()
    {
    }
}
