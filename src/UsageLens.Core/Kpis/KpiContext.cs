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

    public SemanticModel Model { get; } = model;

    /// <summary>The workspace configuration file's content: rate plans.</summary>
    public WorkspaceConfiguration Configuration { get; } = configuration ?? WorkspaceConfiguration.Empty;

    public IReadOnlyList<string> Sql => _sql;

    /// <summary>Whether event reads may use the daily rollups; <see cref="EventReads.RawEvents"/> is the checked baseline.</summary>
    public EventReads Reads { get; init; } = EventReads.Rollups;

    public Task<IReadOnlyList<object?[]>> QueryAsync(SqlSelect query, CancellationToken cancellationToken)
    {
        _sql.Add(store.Render(query).Text);
        return store.QueryAsync(query, cancellationToken);
    }

    public static async Task<KpiContext> CreateAsync(IQueryStore store, CancellationToken cancellationToken, WorkspaceConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new KpiContext(store, new SemanticModel(await store.GetCatalogAsync(cancellationToken).ConfigureAwait(false)), configuration);
    }
}
