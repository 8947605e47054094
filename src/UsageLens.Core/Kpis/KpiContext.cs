using UsageLens.Core.Configuration;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;

namespace UsageLens.Core.Kpis;

/// <summary>What a KPI computes with: the store, the workspace's semantic model, and a log of the SQL it ran.</summary>
public sealed class KpiContext(IQueryStore store, SemanticModel model, WorkspaceConfiguration? configuration = null)
{
    private readonly List<string> _sql = [];

    /// <summary>The workspace configuration file's content: rate plans and custom metrics.</summary>
    public WorkspaceConfiguration Configuration { get; } = configuration ?? WorkspaceConfiguration.Empty;

    // A model read before the configuration was known learns its custom metrics here, so every
    // caller that builds a context from a catalog and a configuration resolves them alike.
    public SemanticModel Model { get; } = model.CustomMetrics.Count == 0 && configuration?.Metrics.Count > 0 ? new SemanticModel(model.Catalog, configuration) : model;

    public IReadOnlyList<string> Sql => _sql;

    /// <summary>Whether event reads may use the daily rollups; <see cref="EventReads.RawEvents"/> is the checked baseline.</summary>
    public EventReads Reads { get; init; } = EventReads.Rollups;

    /// <summary>
    /// Awaited before each statement, when set: a read done ahead of time (a server's warm-up or refresh) waits here
    /// while visitors' reads run, so on a machine with few cores their statements do not share it with its own.
    /// </summary>
    public Func<CancellationToken, Task>? Turn { get; init; }

    public async Task<IReadOnlyList<QueryRow>> QueryAsync(SqlSelect query, CancellationToken cancellationToken)
    {
        _sql.Add(store.Render(query).Text);
        if (Turn is not null)
        {
            await Turn(cancellationToken).ConfigureAwait(false);
        }
        return await store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<KpiContext> CreateAsync(IQueryStore store, CancellationToken cancellationToken, WorkspaceConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new KpiContext(store, new SemanticModel(await store.GetCatalogAsync(cancellationToken).ConfigureAwait(false)), configuration);
    }
}
