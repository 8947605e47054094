using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Storage;

/// <summary>The read side of a workspace: runs planned queries in the engine's dialect.</summary>
public interface IQueryStore
{
    /// <summary>The SQL text and parameters the engine would run, for showing the work.</summary>
    RenderedSql Render(SqlSelect query);

    /// <summary>Runs a query; each row is read by the select items' output names, with nulls for SQL NULL.</summary>
    Task<IReadOnlyList<QueryRow>> QueryAsync(SqlSelect query, CancellationToken cancellationToken);

    /// <summary>The meters and the trait and property keys the workspace holds.</summary>
    Task<WorkspaceCatalog> GetCatalogAsync(CancellationToken cancellationToken);
}
