using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;

namespace UsageLens.Storage.DuckDb.Querying;

/// <summary>Runs planned queries against the embedded workspace.</summary>
public sealed class DuckDbQueryStore(DuckDbWorkspace workspace) : IQueryStore
{
    public RenderedSql Render(SqlSelect query) => DuckDbDialect.Instance.Render(query);

    public Task<IReadOnlyList<QueryRow>> QueryAsync(SqlSelect query, CancellationToken cancellationToken)
    {
        var sql = Render(query);
        return Task.FromResult(QueryColumns.Rows(query, Rows(sql.Text, sql.Parameters, cancellationToken)));
    }

    public Task<WorkspaceCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        var meters = Rows("SELECT event, unit FROM meters ORDER BY event", [], cancellationToken).ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        return Task.FromResult(new WorkspaceCatalog(
            meters,
            Keys("SELECT DISTINCT unnest(json_keys(traits)) FROM accounts WHERE traits IS NOT NULL", cancellationToken),
            Keys("SELECT DISTINCT unnest(json_keys(traits)) FROM users WHERE traits IS NOT NULL", cancellationToken),
            Keys("SELECT key FROM event_property_keys", cancellationToken)));
    }

    private HashSet<string> Keys(string sql, CancellationToken cancellationToken) => Rows(sql, [], cancellationToken).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);

    // The store is synchronous: cancelling the token interrupts the statement running on this thread.
    private List<object?[]> Rows(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        return DuckDbCommands.Rows(connection, sql, parameters, cancellationToken);
    }
}
