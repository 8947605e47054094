using UsageLens.Core;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Querying;

/// <summary>Runs planned queries on the workspace's entry node; on a cluster the Distributed tables fan them out.</summary>
public sealed class ClickHouseQueryStore(ClickHouseWorkspace workspace) : IQueryStore
{
    private readonly ClickHouseDialect _dialect = new(workspace.Address.Database);

    public RenderedSql Render(SqlSelect query)
    {
        try
        {
            return _dialect.Render(query);
        }
        // A value ClickHouse cannot hold (a period before 1970) is a refusal of the request, which the
        // CLI and server report as such, not a crash; programming errors stay what they are.
        catch (ArgumentException ex) when (ex is not ArgumentOutOfRangeException and not ArgumentNullException)
        {
            throw new UsageLensException(ex.Message, ex);
        }
    }

    public async Task<IReadOnlyList<QueryRow>> QueryAsync(SqlSelect query, CancellationToken cancellationToken)
    {
        // The dialect suffixes output names with "_"; rows are read by the planner's names, which
        // QueryColumns takes from the statement, so the suffix never reaches a reader.
        var rows = await workspace.Entry.QueryAsync(Render(query).Text, cancellationToken).ConfigureAwait(false);
        return QueryColumns.Rows(query, rows.Rows);
    }

    public async Task<WorkspaceCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        var meters = await workspace.Entry.QueryAsync($"SELECT event, unit FROM {ClickHouseTables.Meters} FINAL ORDER BY event", cancellationToken).ConfigureAwait(false);
        return new WorkspaceCatalog(
            meters.Rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal),
            await KeysAsync(ClickHouseTables.AccountTraitKeys, cancellationToken).ConfigureAwait(false),
            await KeysAsync(ClickHouseTables.UserTraitKeys, cancellationToken).ConfigureAwait(false),
            await KeysAsync(ClickHouseTables.EventPropertyKeys, cancellationToken).ConfigureAwait(false));
    }

    private async Task<HashSet<string>> KeysAsync(string table, CancellationToken cancellationToken)
    {
        var rows = await workspace.Entry.QueryAsync($"SELECT key FROM {table} FINAL", cancellationToken).ConfigureAwait(false);
        return rows.Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
    }
}
