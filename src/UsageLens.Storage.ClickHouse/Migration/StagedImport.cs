using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Http;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Migration;

/// <summary>
/// A file import on its way into ClickHouse, which has no transactions (18.16). Its rows are copied into staging
/// tables of its own (<c>import_ID_events</c>, <c>import_ID_accounts</c>, ...: same columns and engine as the
/// targets, no materialized views, named by the import's id only) and then moved into the targets with one
/// <c>INSERT ... SELECT</c> per table. A row of <c>imports</c> says how far it got:
/// <list type="bullet">
/// <item><c>staging</c>: rows are still being copied; refreshed after every block. Nothing of it is visible. An
/// import that stopped here is dropped by <see cref="ImportRecovery"/> once its row is older than the staleness bound.</item>
/// <item><c>publishing</c>: every row is staged; the tables are being moved in. Publishing is idempotent (events
/// already stored are skipped by (source, id), a profile row written twice is one row under FINAL), so
/// <see cref="ImportRecovery"/> finishes it whoever stopped.</item>
/// <item><c>published</c> or <c>dropped</c>: done; its staging tables are gone.</item>
/// </list>
/// Measured on clickhouse-server 18.16.1: an <c>INSERT ... SELECT</c> of 20 million rows becomes visible in
/// blocks of <c>max_insert_block_size</c> (1,048,576) rows, one part at a time, with the rollups' views following
/// each block; with the block size and squashing settings raised (<see cref="OneBlock"/>) it is one block, whose
/// parts (one per month) and rollup parts appear within the same statement. The statement goes on to its end on the server when the client
/// that sent it is killed, and it is listed in <c>system.processes</c> under its query id until then, so a
/// recovery that runs the same statement under the same id (refused with code 216 while the first runs)
/// waits for it and then adds nothing twice.
/// <c>ATTACH PARTITION ... FROM</c> exists in 18.16 but does not run materialized views, so it would leave the
/// rollups behind; and <c>REPLACE PARTITION</c> would replace the month's earlier events.
/// </summary>
internal sealed class StagedImport
{
    private const string Staging = "staging";
    private const string Publishing = "publishing";
    private const string Published = "published";
    private const string Dropped = "dropped";

    // The whole staged table is squashed into one insert block, so it is written (and its views run) in one go.
    // Squashing must be raised, not switched off: with min_insert_block_size_rows=0 every block the SELECT reads
    // (max_block_size, 65,536 rows) was inserted as a part of its own (measured: 300,000 rows, 5 parts).
    private const string OneBlock = "max_insert_block_size=4294967295&min_insert_block_size_rows=4294967295&min_insert_block_size_bytes=1099511627776";

    private readonly ClickHouseWorkspace _workspace;
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);

    private StagedImport(ClickHouseWorkspace workspace, string id)
    {
        _workspace = workspace;
        Id = id;
    }

    /// <summary>The import's id: 16 hex digits, the only variable part of its staging tables' names.</summary>
    public string Id { get; }

    /// <summary>Records a new import as staging; nothing is visible until <see cref="PublishAsync"/>.</summary>
    public static async Task<StagedImport> BeginAsync(ClickHouseWorkspace workspace, CancellationToken cancellationToken)
    {
        var import = new StagedImport(workspace, Guid.NewGuid().ToString("N")[..16]);
        await import.MarkAsync(Staging, cancellationToken).ConfigureAwait(false);
        return import;
    }

    /// <summary>An import another process began, found by its row in <c>imports</c>.</summary>
    public static StagedImport Found(ClickHouseWorkspace workspace, string id) =>
        id.Length == 16 && id.All(char.IsAsciiHexDigitLower)
            ? new StagedImport(workspace, id)
            : throw new UsageLensException($"imports: id '{id}' is not an import id (16 lowercase hex digits)");

    /// <summary>The staging table of <paramref name="target"/>, created (on every node for profiles) on first use.</summary>
    public async Task<string> TableAsync(string target, CancellationToken cancellationToken)
    {
        var staging = StagingName(target);
        if (_created.Add(target))
        {
            // Events live in *_local tables on a cluster; their staging table is a plain copy on the entry node.
            var events = target == ClickHouseTables.Events;
            var model = events && _workspace.Address.Cluster is not null ? target + ClickHouseTables.LocalSuffix : target;
            foreach (var node in events ? [_workspace.Entry] : _workspace.Nodes)
            {
                await node.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {staging} AS {model}", cancellationToken).ConfigureAwait(false);
            }
        }
        return staging;
    }

    /// <summary>Says the import is alive, so recovery leaves its staging tables alone.</summary>
    public Task TouchAsync(CancellationToken cancellationToken) => MarkAsync(Staging, cancellationToken);

    /// <summary>
    /// Moves every staged table into its target, events first, then drops the staging tables. Run by the import that
    /// staged them, it first checks they are all still there (a recovery may have dropped an import it thought abandoned).
    /// </summary>
    public async Task PublishAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var staged = await StagedTablesAsync(cancellationToken).ConfigureAwait(false);
        if (_created.Count > 0 && !_created.SetEquals(staged))
        {
            throw new UsageLensException($"import {Id}: its staging tables were dropped before it was published (it was idle longer than the recovery's bound); run the import again");
        }
        await MarkAsync(Publishing, cancellationToken).ConfigureAwait(false);
        var done = 0;
        foreach (var target in staged)
        {
            progress?.Report(new MigrationProgress("publish", done, staged.Count));
            await PublishTableAsync(target, cancellationToken).ConfigureAwait(false);
            done++;
        }
        progress?.Report(new MigrationProgress("publish", done, staged.Count));
        await DropTablesAsync(staged, cancellationToken).ConfigureAwait(false);
        await MarkAsync(Published, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops whatever was staged; nothing of the import becomes visible.</summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        await DropTablesAsync(await StagedTablesAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await MarkAsync(Dropped, cancellationToken).ConfigureAwait(false);
    }

    private string StagingName(string target) => $"{ClickHouseTables.ImportStagingPrefix}{Id}_{target}";

    private async Task PublishTableAsync(string target, CancellationToken cancellationToken)
    {
        var staging = StagingName(target);
        var events = target == ClickHouseTables.Events;
        foreach (var node in events ? [_workspace.Entry] : _workspace.Nodes)
        {
            var columns = string.Join(", ", Ingestion.EventWrite.Columns);
            var sql = events
                // Events stored since the import was staged (or by an earlier run of this publish) are skipped by
                // (source, id), like every other write of events; the views add exactly the inserted rows to the rollups.
                ? $"INSERT INTO {target} ({columns}) SELECT {columns} FROM {staging} "
                    + $"WHERE (source, id) NOT IN (SELECT source, id FROM {target} WHERE (source, id) GLOBAL IN (SELECT source, id FROM {staging}))"
                : $"INSERT INTO {target} SELECT * FROM {staging}";
            await RunOnceAtATimeAsync(node, sql, $"usagelens-import-{Id}-{target}", cancellationToken).ConfigureAwait(false);
        }
    }

    // The same statement under the same query id is refused while an earlier one (perhaps of a killed process) runs:
    // wait for it, then run it again, which adds what the first did not.
    private static async Task RunOnceAtATimeAsync(ClickHouseNode node, string sql, string queryId, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await node.ExecuteAsync(sql, queryId, OneBlock, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ClickHouseException ex) when (ex.Message.Contains("Code: 216,", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
            catch (ClickHouseException ex) when (ex.Message.Contains("Code: 60,", StringComparison.Ordinal))
            {
                // The staging table is gone: whoever dropped it had published it first.
                return;
            }
        }
    }

    private async Task<List<string>> StagedTablesAsync(CancellationToken cancellationToken)
    {
        var prefix = StagingName("");
        var tables = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in _workspace.Nodes)
        {
            var rows = await node.QueryAsync(
                $"SELECT name FROM system.tables WHERE database = currentDatabase() AND startsWith(name, {ClickHouseLiteral.Quote(prefix)})", cancellationToken).ConfigureAwait(false);
            tables.UnionWith(rows.Rows.Select(r => ((string)r[0]!)[prefix.Length..]));
        }
        // Events first: an import's profiles without its events would be a state no ingestion produces.
        return [.. tables.OrderBy(t => t == ClickHouseTables.Events ? 0 : 1).ThenBy(t => t, StringComparer.Ordinal)];
    }

    private async Task DropTablesAsync(IEnumerable<string> targets, CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            foreach (var node in _workspace.Nodes)
            {
                await node.ExecuteAsync($"DROP TABLE IF EXISTS {StagingName(target)}", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The state's rank is the row's version, so a later state always wins under FINAL; a refresh of the
    // same state (equal version) replaces the earlier row and moves updated_at (the server's clock) on.
    private Task MarkAsync(string state, CancellationToken cancellationToken)
    {
        var version = state switch { Staging => 1L, Publishing => 2L, _ => 3L };
        var row = new Ingestion.JsonEachRow(["id", "state", "version"]);
        row.Add(Id, state, version);
        return _workspace.Entry.InsertAsync(ClickHouseTables.Imports, row.Columns, row.ToString(), cancellationToken);
    }

    /// <summary>The states <see cref="ImportRecovery"/> looks for.</summary>
    internal static (string Staging, string Publishing) Unfinished => (Staging, Publishing);
}
