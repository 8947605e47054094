using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Http;

namespace UsageLens.Storage.ClickHouse.Schema;

/// <summary>
/// Reads a ClickHouse workspace without creating anything, for <c>usagelens doctor</c>: every node must answer,
/// and the entry node lists the database's tables and counts their rows. ClickHouse workspaces have no numbered
/// schema (tables are created where missing), so the version is not reported.
/// </summary>
internal static class ClickHouseInspection
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    public static async Task<WorkspaceInspection> InspectAsync(ClickHouseAddress address, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = s_timeout };
        var nodes = address.Nodes.Select(uri => new ClickHouseNode(http, uri, null)).ToList();
        foreach (var node in nodes)
        {
            await node.QueryAsync("SELECT 1", cancellationToken).ConfigureAwait(false);
        }
        var listed = await nodes[0].QueryAsync(
            $"SELECT name FROM system.tables WHERE database = {ClickHouseLiteral.Quote(address.Database)}", cancellationToken).ConfigureAwait(false);
        var present = listed.Rows.Select(row => (string)row[0]!).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in ClickHouseTables.All.Where(present.Contains).Order(StringComparer.Ordinal))
        {
            var rows = await nodes[0].QueryAsync($"SELECT count() FROM {address.Database}.{table}", cancellationToken).ConfigureAwait(false);
            counts[table] = Convert.ToInt64(rows.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
        }
        return new WorkspaceInspection(null, null, [.. ClickHouseTables.All.Where(t => !present.Contains(t)).Order(StringComparer.Ordinal)], counts);
    }
}
