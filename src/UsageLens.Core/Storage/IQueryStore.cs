using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Storage;

/// <summary>The read side of a workspace: runs planned queries in the engine's dialect.</summary>
public interface IQueryStore
{
    /// <summary>The SQL text and parameters the engine would run, for showing the work.</summary>
    RenderedSql Render(SqlSelect query);

    /// <summary>Runs a query; each row holds the select items in order, with nulls for SQL NULL.</summary>
    Task<IReadOnlyList<object?[]>> QueryAsync(SqlSelect query, CancellationToken cancellationToken);

    /// <summary>The meters and the trait and property keys the workspace holds.</summary>
    Task<WorkspaceCatalog> GetCatalogAsync(CancellationToken cancellationToken);
}
