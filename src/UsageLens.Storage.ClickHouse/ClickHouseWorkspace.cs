using UsageLens.Core;
using UsageLens.Storage.ClickHouse.Http;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse;

/// <summary>
/// A workspace on one ClickHouse server or on a sharded cluster. Opening it checks every node is
/// reachable and creates whatever tables are missing. Events and rollups are written through the
/// first node (a Distributed table on a cluster); profile tables are copied in full to every node,
/// so a shard can join its events to accounts locally.
/// </summary>
public sealed class ClickHouseWorkspace : IDisposable
{
    private readonly HttpClient _http;

    private ClickHouseWorkspace(ClickHouseAddress address, HttpClient http)
    {
        Address = address;
        _http = http;
        Nodes = address.Nodes.Select(n => new ClickHouseNode(http, n, address.Database)).ToList();
    }

    public ClickHouseAddress Address { get; }

    internal IReadOnlyList<ClickHouseNode> Nodes { get; }

    /// <summary>The node that answers queries and takes event inserts.</summary>
    internal ClickHouseNode Entry => Nodes[0];

    /// <summary>Connects to every node and creates the schema; an unreachable server gives a one-line error.</summary>
    public static async Task<ClickHouseWorkspace> OpenAsync(ClickHouseAddress address, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromMinutes(10) };
        var workspace = new ClickHouseWorkspace(address, http);
        try
        {
            await workspace.CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
            // An import killed mid-way is finished (if it was fully staged) or dropped before anyone reads or writes.
            await Migration.ImportRecovery.RecoverAsync(workspace, Migration.ImportRecovery.StagingBound, cancellationToken).ConfigureAwait(false);
            return workspace;
        }
        catch (Exception ex) when (ex is ClickHouseUnavailableException or ClickHouseException)
        {
            workspace.Dispose();
            throw new UsageLensException($"cannot open workspace {address}: {ex.Message}", ex);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        foreach (var uri in Address.Nodes)
        {
            // The database may not exist yet, so this first statement names none.
            await new ClickHouseNode(_http, uri, null).ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {Address.Database}", cancellationToken).ConfigureAwait(false);
        }
        if (Address.Cluster is { } cluster)
        {
            await CheckClusterAsync(cluster, cancellationToken).ConfigureAwait(false);
        }
        var suffix = Address.Cluster is null ? "" : ClickHouseTables.LocalSuffix;
        foreach (var node in Nodes)
        {
            var present = await TablesAsync(node, [ClickHouseTables.Events + suffix, ClickHouseTables.UserMonths + suffix], cancellationToken).ConfigureAwait(false);
            var backfill = present.Contains(ClickHouseTables.Events + suffix) && !present.Contains(ClickHouseTables.UserMonths + suffix);
            var events = Address.Cluster is { } name ? ClickHouseSchema.ClusterEventTables(name, Address.Database) : ClickHouseSchema.SingleServerEventTables();
            foreach (var statement in ClickHouseSchema.ProfileTables().Concat(events))
            {
                await node.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
            }
            if (backfill)
            {
                // A workspace from before the monthly activity table: its view sees only new events, so the stored ones are added once.
                await node.ExecuteAsync(ClickHouseSchema.UserMonthsBackfill(suffix), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Which of the tables the node's database has, in one query: this runs every time a workspace is opened.
    private static async Task<HashSet<string>> TablesAsync(ClickHouseNode node, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", tables.Select(ClickHouseLiteral.Quote));
        var rows = await node.QueryAsync($"SELECT name FROM system.tables WHERE database = currentDatabase() AND name IN ({names})", cancellationToken).ConfigureAwait(false);
        return rows.Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
    }

    // Every listed node must be one shard of the named cluster, or events would land where no query reads them.
    private async Task CheckClusterAsync(string cluster, CancellationToken cancellationToken)
    {
        var shards = await Entry.QueryAsync(
            $"SELECT count() FROM system.clusters WHERE cluster = {ClickHouseLiteral.Quote(cluster)}", cancellationToken).ConfigureAwait(false);
        var count = (long)shards.Rows[0][0]!;
        if (count != Nodes.Count)
        {
            throw new UsageLensException(
                $"cannot open workspace {Address}: cluster '{cluster}' has {count} shard(s) in remote_servers of {Entry.Endpoint.Authority}, but {Nodes.Count} host(s) are listed");
        }
    }

    /// <summary>Inserts profile rows into the table on every node.</summary>
    internal async Task InsertEverywhereAsync(string table, IReadOnlyList<string> columns, string rows, CancellationToken cancellationToken)
    {
        foreach (var node in Nodes)
        {
            await node.InsertAsync(table, columns, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes the rows of <paramref name="table"/> matching <paramref name="condition"/> (SQL whose values come
    /// from <see cref="ClickHouseLiteral"/>) on every node, and waits until the deletion is applied: 18.16's
    /// <c>ALTER TABLE ... DELETE</c> is an asynchronous mutation, and a caller that reads right after must not
    /// see the rows. <paramref name="local"/> names the sharded tables, whose rows live in their <c>*_local</c> copies.
    /// </summary>
    internal async Task DeleteEverywhereAsync(string table, string condition, bool local, CancellationToken cancellationToken)
    {
        var physical = local && Address.Cluster is not null ? table + ClickHouseTables.LocalSuffix : table;
        foreach (var node in Nodes)
        {
            await node.ExecuteAsync($"ALTER TABLE {physical} DELETE WHERE {condition}", cancellationToken).ConfigureAwait(false);
        }
        foreach (var node in Nodes)
        {
            await WaitForMutationsAsync(node, physical, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WaitForMutationsAsync(ClickHouseNode node, string table, CancellationToken cancellationToken)
    {
        var pending = $"SELECT count() FROM system.mutations WHERE database = currentDatabase() AND table = {ClickHouseLiteral.Quote(table)} AND is_done = 0";
        while ((long)(await node.QueryAsync(pending, cancellationToken).ConfigureAwait(false)).Rows[0][0]! > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();
}
