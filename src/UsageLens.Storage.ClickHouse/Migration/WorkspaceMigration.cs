using UsageLens.Core;
using UsageLens.Core.Events;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Migration;

/// <summary>
/// Copies a workspace from any engine (read through its <see cref="IQueryStore"/>) into ClickHouse.
/// Profiles and the catalog are copied whole (rewriting them is idempotent); events are copied in
/// time order, in blocks, through the same (source, id) dedupe as live ingestion, and the day the
/// copy has reached is saved in the target after every block. A copy that stops is resumed from
/// there, and the block it was writing is deduplicated, so no event is stored twice. A copy that
/// got through every day forgets its resume point, so copying again (to catch up with a source that
/// kept taking events) goes over every day, deduplicated. At the end the row counts of both sides must agree.
/// </summary>
public sealed class WorkspaceMigration(IQueryStore source, ClickHouseWorkspace target, TimeProvider timeProvider)
{
    private const string Alias = "t";
    private const string ResumeKey = "migration.events.copied_before";

    private static readonly string[] s_eventColumns =
        ["source", "id", "timestamp", "account_id", "user_id", "event", "quantity", "unit", "product", "classification", "properties", "original_event"];

    private static readonly ProfileTable[] s_profiles =
    [
        new(WorkspaceTable.Accounts, ClickHouseTables.Accounts,
            ["account_id", "name", "segment", "region", "plan", "partner_id", "revenue", "contract_value", "cltv", "strategic", "licensed_seats", "created_at", "traits", "updated_at"], "traits"),
        new(WorkspaceTable.Users, ClickHouseTables.Users, ["user_id", "account_id", "email", "created_at", "traits", "updated_at"], "traits"),
        new(WorkspaceTable.Subscriptions, ClickHouseTables.Subscriptions,
            ["account_id", "effective_at", "plan", "mrr", "currency", "discount_pct", "seats", "included_units"], "included_units"),
        new(WorkspaceTable.Nps, ClickHouseTables.Nps, ["account_id", "user_id", "responded_at", "score", "comment"], null),
        new(WorkspaceTable.Partners, ClickHouseTables.Partners, ["partner_id", "name"], null),
    ];

    /// <summary>Events per insert.</summary>
    public int BlockSize { get; init; } = 100_000;

    /// <summary>
    /// Adds the source to a target that already holds data (a file import staged in DuckDB): the copied
    /// profiles become the latest versions, event units are checked against the target's meters, and
    /// there is neither a resume point nor a final count check, since the target holds more than the source.
    /// The rows go into staging tables first and are published together at the end (<see cref="StagedImport"/>),
    /// so an import that is killed leaves nothing or, once recovered, everything.
    /// </summary>
    public bool AsImport { get; init; }

    private StagedImport? _staged;

    public async Task<MigrationOutcome> RunAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        if (!AsImport)
        {
            return await CopyAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        _staged = await StagedImport.BeginAsync(target, cancellationToken).ConfigureAwait(false);
        MigrationOutcome outcome;
        try
        {
            outcome = await CopyAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A refused import drops what it staged; a cancelled or killed one is dropped by the recovery of a later open.
            await _staged.DropAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await _staged.PublishAsync(progress, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task<MigrationOutcome> CopyAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        await CopyCatalogAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var profile in s_profiles)
        {
            counts[profile.Target] = await CopyProfilesAsync(profile, progress, cancellationToken).ConfigureAwait(false);
        }
        var (events, alreadyPresent, resumed) = await CopyEventsAsync(progress, cancellationToken).ConfigureAwait(false);
        counts[ClickHouseTables.Events] = events;
        if (!AsImport)
        {
            // A finished copy leaves nothing to resume: copying again goes over every day, skipping what is stored.
            await SaveResumePointAsync(null, cancellationToken).ConfigureAwait(false);
            await CheckCountsAsync(counts, cancellationToken).ConfigureAwait(false);
        }
        return new MigrationOutcome(counts, alreadyPresent, resumed);
    }

    private async Task CopyCatalogAsync(CancellationToken cancellationToken)
    {
        var catalog = await source.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var meters = new JsonEachRow(["event", "unit", "version"]);
        // An import's meters are registered by the event write, after their units are checked.
        foreach (var (name, unit) in AsImport ? new Dictionary<string, string>() : catalog.MeterUnits)
        {
            meters.Add(name, unit, 1L);
        }
        if (meters.Count > 0)
        {
            await target.InsertEverywhereAsync(ClickHouseTables.Meters, meters.Columns, meters.ToString(), cancellationToken).ConfigureAwait(false);
        }
        await ProfileWrite.RegisterKeysAsync(target, ClickHouseTables.AccountTraitKeys, catalog.AccountTraits, cancellationToken).ConfigureAwait(false);
        await ProfileWrite.RegisterKeysAsync(target, ClickHouseTables.UserTraitKeys, catalog.UserTraits, cancellationToken).ConfigureAwait(false);
        await ProfileWrite.RegisterKeysAsync(target, ClickHouseTables.EventPropertyKeys, catalog.EventProperties, cancellationToken).ConfigureAwait(false);
    }

    // Version 1 is older than any live upsert, so migrating again never overwrites a newer profile;
    // an import is the newest word on the profiles it carries.
    private long ProfileVersion => AsImport ? timeProvider.GetUtcNow().UtcTicks : 1L;

    private async Task<long> CopyProfilesAsync(ProfileTable table, IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = await source.QueryAsync(SelectAll(table.Source, table.Columns, null, null), cancellationToken).ConfigureAwait(false);
        var json = Array.IndexOf(table.Columns, table.JsonColumn);
        var copied = 0L;
        foreach (var block in rows.Chunk(BlockSize))
        {
            var insert = new JsonEachRow([.. table.Columns, "version"]);
            foreach (var row in block)
            {
                // Profiles are copied whole, column for column, so they travel in select order.
                var values = row.Values.ToArray();
                if (json >= 0)
                {
                    values[json] = FlatJson.Compact(row.GetNullableString(table.JsonColumn!));
                }
                insert.Add([.. values, ProfileVersion]);
            }
            await target.InsertEverywhereAsync(await TableAsync(table.Target, cancellationToken).ConfigureAwait(false), insert.Columns, insert.ToString(), cancellationToken).ConfigureAwait(false);
            await TouchAsync(cancellationToken).ConfigureAwait(false);
            copied += block.Length;
            progress?.Report(new MigrationProgress(table.Target, copied, rows.Count));
        }
        progress?.Report(new MigrationProgress(table.Target, rows.Count, rows.Count));
        return rows.Count;
    }

    private async Task<(long Events, long AlreadyPresent, bool Resumed)> CopyEventsAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var span = await source.QueryAsync(new SqlSelect(
            [
                new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Min, Column("timestamp")), "first"),
                new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Max, Column("timestamp")), "last"),
                new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "events"),
            ],
            new SqlTable(WorkspaceTable.Events, Alias)), cancellationToken).ConfigureAwait(false);
        var total = span[0].GetInt64("events");
        if (total == 0)
        {
            return (0, 0, false);
        }
        var last = span[0].GetDateTime("last").Date.AddDays(1);
        var resume = AsImport ? null : await ResumePointAsync(cancellationToken).ConfigureAwait(false);
        // Events can only be in the target where an earlier copy was writing, or anywhere if the
        // target held events before any copy began; everywhere else the lookup can be skipped.
        var lookupAll = AsImport || (resume is null && await TargetHoldsEventsAsync(cancellationToken).ConfigureAwait(false));
        var day = resume?.DoneBefore ?? span[0].GetDateTime("first").Date;
        var copied = resume is null ? 0 : await CountBeforeAsync(resume.DoneBefore, cancellationToken).ConfigureAwait(false);
        var written = 0L;
        var read = 0L;
        var pending = new List<UsageEvent>();
        var writer = new EventWrite(target, BlockSize, await TableAsync(ClickHouseTables.Events, cancellationToken).ConfigureAwait(false));
        var blockStart = day;
        // The next day is read from the source while the current block is written, so the two engines work at once.
        var next = day < last ? ReadDayAsync(day, cancellationToken) : null;
        while (day < last)
        {
            var events = await next!.ConfigureAwait(false);
            day = day.AddDays(1);
            next = day < last ? ReadDayAsync(day, cancellationToken) : null;
            pending.AddRange(events);
            if (pending.Count < BlockSize && day < last)
            {
                continue;
            }
            written += await WriteBlockAsync(writer, pending, blockStart, day, lookupAll || blockStart < resume?.WritingUntil, cancellationToken).ConfigureAwait(false);
            copied += pending.Count;
            read += pending.Count;
            pending.Clear();
            blockStart = day;
            progress?.Report(new MigrationProgress(ClickHouseTables.Events, copied, total));
        }
        return (total, read - written, resume is not null);
    }

    private Task<List<UsageEvent>> ReadDayAsync(DateTime day, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        var rows = await source.QueryAsync(SelectAll(WorkspaceTable.Events, s_eventColumns, day, day.AddDays(1)), cancellationToken).ConfigureAwait(false);
        return rows.Select(Event).ToList();
    }, cancellationToken);

    // The resume point says which days are done and which were being written, before and after the insert.
    private async Task<long> WriteBlockAsync(EventWrite writer, List<UsageEvent> events, DateTime from, DateTime to, bool lookup, CancellationToken cancellationToken)
    {
        if (AsImport)
        {
            var staged = await writer.WriteAsync(events, cancellationToken).ConfigureAwait(false);
            await TouchAsync(cancellationToken).ConfigureAwait(false);
            return staged;
        }
        await SaveResumePointAsync(new ResumePoint(from, to), cancellationToken).ConfigureAwait(false);
        var written = lookup
            ? await writer.WriteNewAsync(events, cancellationToken).ConfigureAwait(false)
            : await writer.InsertAllAsync(events, cancellationToken).ConfigureAwait(false);
        await SaveResumePointAsync(new ResumePoint(to, to), cancellationToken).ConfigureAwait(false);
        return written;
    }

    // An import writes to its staging tables; a migration to the targets.
    private async Task<string> TableAsync(string table, CancellationToken cancellationToken) =>
        _staged is null ? table : await _staged.TableAsync(table, cancellationToken).ConfigureAwait(false);

    private Task TouchAsync(CancellationToken cancellationToken) => _staged?.TouchAsync(cancellationToken) ?? Task.CompletedTask;

    private async Task<bool> TargetHoldsEventsAsync(CancellationToken cancellationToken)
    {
        var rows = await target.Entry.QueryAsync($"SELECT count() FROM (SELECT 1 FROM {ClickHouseTables.Events} LIMIT 1)", cancellationToken).ConfigureAwait(false);
        return (long)rows.Rows[0][0]! > 0;
    }

    private async Task<long> CountBeforeAsync(DateTime day, CancellationToken cancellationToken)
    {
        var rows = await source.QueryAsync(new SqlSelect(
            [new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "events")],
            new SqlTable(WorkspaceTable.Events, Alias),
            Where: new SqlBinary(SqlOperator.Less, Column("timestamp"), new SqlValue(day))), cancellationToken).ConfigureAwait(false);
        return rows[0].GetInt64("events");
    }

    private async Task<ResumePoint?> ResumePointAsync(CancellationToken cancellationToken)
    {
        var rows = await target.Entry.QueryAsync(
            $"SELECT value FROM {ClickHouseTables.Settings} FINAL WHERE key = {ClickHouseLiteral.Quote(ResumeKey)}", cancellationToken).ConfigureAwait(false);
        return rows.Rows.Count == 0 || rows.Rows[0][0] is "" ? null : ResumePoint.Parse((string)rows.Rows[0][0]!);
    }

    // No point (stored as an empty value, the newest version winning) means no copy to resume.
    private async Task SaveResumePointAsync(ResumePoint? point, CancellationToken cancellationToken)
    {
        var rows = new JsonEachRow(["key", "value", "version"]);
        rows.Add(ResumeKey, point?.ToString() ?? "", timeProvider.GetUtcNow().UtcTicks);
        await target.InsertEverywhereAsync(ClickHouseTables.Settings, rows.Columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task CheckCountsAsync(Dictionary<string, long> expected, CancellationToken cancellationToken)
    {
        foreach (var (table, count) in expected)
        {
            var final = table == ClickHouseTables.Events ? "" : " FINAL";
            var rows = await target.Entry.QueryAsync($"SELECT count() FROM {table}{final}", cancellationToken).ConfigureAwait(false);
            var stored = (long)rows.Rows[0][0]!;
            if (stored != count)
            {
                throw new UsageLensException($"migration check failed: {table} has {count} rows in the source but {stored} in {target.Address}");
            }
        }
    }

    private static UsageEvent Event(QueryRow r) => new(
        r.GetString("id"), r.GetString("source"), r.GetInstant("timestamp"), r.GetString("account_id"), r.GetNullableString("user_id"), r.GetString("event"),
        r.GetDouble("quantity"), r.GetString("unit"), r.GetNullableString("product"), r.GetNullableString("classification"), r.GetNullableString("properties"), r.GetNullableString("original_event"));

    private static SqlSelect SelectAll(WorkspaceTable table, string[] columns, DateTime? from, DateTime? to) => new(
        [.. columns.Select(c => new SqlSelectItem(Column(c), c))],
        new SqlTable(table, Alias),
        Where: from is null ? null : new SqlBinary(SqlOperator.And,
            new SqlBinary(SqlOperator.GreaterOrEqual, Column("timestamp"), new SqlValue(from.Value)),
            new SqlBinary(SqlOperator.Less, Column("timestamp"), new SqlValue(to!.Value))),
        OrderBy: from is null ? null : [new SqlOrder(Column("timestamp")), new SqlOrder(Column("source")), new SqlOrder(Column("id"))]);

    private static SqlColumn Column(string name) => new(Alias, name);
}
