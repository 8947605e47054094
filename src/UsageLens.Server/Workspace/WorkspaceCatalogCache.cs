using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Questions;

namespace UsageLens.Server.Workspace;

/// <summary>
/// The workspace's catalog (meters, trait and property keys) and the values the questions vocabulary
/// knows (segments, regions, plans, partners), read once and kept until the next write. Every KPI
/// and ask request needs them; only ingestion changes them, and the group-commit writer calls
/// <see cref="Invalidate"/> after each commit, before any request of it is acknowledged.
/// </summary>
internal sealed class WorkspaceCatalogCache(IQueryStore store)
{
    private readonly Lock _lock = new();
    private Task<WorkspaceCatalog>? _catalog;
    private Task<WorkspaceValues>? _values;

    /// <summary>The semantic layer's input: meters and their units, trait and property keys.</summary>
    public Task<WorkspaceCatalog> CatalogAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _catalog = Usable(_catalog) ?? Task.Run(() => store.GetCatalogAsync(CancellationToken.None));
            return _catalog.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A fresh KPI context (its own SQL log) over the cached catalog, as every KPI and insight request needs.</summary>
    public async Task<KpiContext> KpiContextAsync(WorkspaceConfiguration configuration, CancellationToken cancellationToken) =>
        new(store, new SemanticModel(await CatalogAsync(cancellationToken).ConfigureAwait(false)), configuration);

    /// <summary>The same, for a read done ahead of time: each of its statements first awaits <paramref name="turn"/>.</summary>
    public async Task<KpiContext> KpiContextAsync(WorkspaceConfiguration configuration, Func<CancellationToken, Task> turn, CancellationToken cancellationToken) =>
        new(store, new SemanticModel(await CatalogAsync(cancellationToken).ConfigureAwait(false)), configuration) { Turn = turn };

    /// <summary>The column and trait values the questions vocabulary knows, for the catalog's account traits.</summary>
    public Task<WorkspaceValues> ValuesAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _values = Usable(_values) ?? ReadValuesAsync(_catalog = Usable(_catalog) ?? Task.Run(() => store.GetCatalogAsync(CancellationToken.None)));
            return _values.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets what was read; the next request reads the workspace again.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _catalog = null;
            _values = null;
            Generation++;
        }
    }

    /// <summary>How many times <see cref="Invalidate"/> ran: what other per-workspace caches key their entries by.</summary>
    public long Generation
    {
        get
        {
            lock (_lock)
            {
                return field;
            }
        }
        private set;
    }

    // A read is shared by every waiting request, so it runs without any one request's token; a
    // failed or cancelled read is not kept, so the next request tries again.
    private static Task<T>? Usable<T>(Task<T>? read) => read is { IsFaulted: false, IsCanceled: false } ? read : null;

    private async Task<WorkspaceValues> ReadValuesAsync(Task<WorkspaceCatalog> catalog)
    {
        var accountTraits = (await catalog.ConfigureAwait(false)).AccountTraits;
        return await Task.Run(() => WorkspaceValuesReader.ReadAsync(store, CancellationToken.None, accountTraits)).ConfigureAwait(false);
    }
}
