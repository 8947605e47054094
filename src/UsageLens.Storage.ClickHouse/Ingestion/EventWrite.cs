using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Events;
using UsageLens.Storage.ClickHouse.Http;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Ingestion;

/// <summary>
/// One batch of events on its way into ClickHouse: unit checks, dedupe, catalog keys, insert into <paramref name="table"/>
/// (the events, or an import's staging table).
/// </summary>
internal sealed class EventWrite(ClickHouseWorkspace workspace, int blockSize, string table = ClickHouseTables.Events)
{
    private static readonly string[] s_columns =
        ["source", "id", "timestamp", "account_id", "user_id", "event", "quantity", "unit", "product", "classification", "properties", "original_event"];

    /// <summary>The event columns a write gives; the rest (<c>ingested_at</c>) take their defaults.</summary>
    public static IReadOnlyList<string> Columns => s_columns;

    private const int LookupChunk = 100_000;
    private const string BatchKeys = "batch_keys";

    /// <summary>Stores the events not stored before and returns how many that was.</summary>
    public async Task<long> WriteAsync(IReadOnlyList<UsageEvent> events, CancellationToken cancellationToken)
    {
        CheckTimes(events);
        var meters = await MeterUnitsAsync(workspace, cancellationToken).ConfigureAwait(false);
        var newMeters = CheckUnits(events, meters);
        var unique = FirstArrivals(events);
        var stored = await StoredKeysAsync(unique, sameTimeAndAccount: false, cancellationToken).ConfigureAwait(false);
        var fresh = unique.Where(e => !stored.Contains((e.Source, e.Id))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        // The catalog is written first: if the event insert then fails, the retry finds the meters
        // already there, while events never exist without their meter.
        await RegisterMetersAsync(newMeters, cancellationToken).ConfigureAwait(false);
        await RegisterPropertyKeysAsync(fresh, cancellationToken).ConfigureAwait(false);
        await InsertAsync(fresh, cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    /// <summary>
    /// Inserts the events (unique by source and id) that are not stored yet, without catalog
    /// upkeep, for a copy whose catalog is written separately. Returns how many were new. The events
    /// come from a stored workspace, so an event copied before has the same time and account.
    /// </summary>
    public async Task<long> WriteNewAsync(IReadOnlyList<UsageEvent> unique, CancellationToken cancellationToken)
    {
        CheckTimes(unique);
        var stored = await StoredKeysAsync(unique, sameTimeAndAccount: true, cancellationToken).ConfigureAwait(false);
        var fresh = unique.Where(e => !stored.Contains((e.Source, e.Id))).ToList();
        await InsertAsync(fresh, cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    /// <summary>Inserts every event without looking any up, for a copy that knows the target cannot hold them yet.</summary>
    public async Task<long> InsertAllAsync(IReadOnlyList<UsageEvent> events, CancellationToken cancellationToken)
    {
        CheckTimes(events);
        await InsertAsync(events, cancellationToken).ConfigureAwait(false);
        return events.Count;
    }

    private async Task InsertAsync(IReadOnlyList<UsageEvent> fresh, CancellationToken cancellationToken)
    {
        // Most events share a handful of property objects, so each distinct text is rewritten once.
        var compacted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var block in fresh.Chunk(blockSize))
        {
            var rows = new JsonEachRow(s_columns);
            foreach (var e in block)
            {
                rows.Add(e.Source, e.Id, e.Timestamp, e.AccountId, e.UserId, e.Event, e.Quantity, e.Unit,
                    e.Product, e.Classification, Compact(compacted, e.PropertiesJson), e.OriginalEvent);
            }
            await workspace.Entry.InsertAsync(table, s_columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Compact(Dictionary<string, string?> compacted, string? json)
    {
        if (json is null)
        {
            return null;
        }
        if (!compacted.TryGetValue(json, out var compact))
        {
            compact = FlatJson.Properties(json);
            compacted[json] = compact;
        }
        return compact;
    }

    public static async Task<Dictionary<string, string>> MeterUnitsAsync(ClickHouseWorkspace workspace, CancellationToken cancellationToken)
    {
        var rows = await workspace.Entry.QueryAsync($"SELECT event, unit FROM {ClickHouseTables.Meters} FINAL", cancellationToken).ConfigureAwait(false);
        return rows.Rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
    }

    // 18.16 keeps DateTime as UInt32 seconds: a time outside its range would be stored as another time.
    private static void CheckTimes(IReadOnlyList<UsageEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var time = events[i].Timestamp;
            if (!ClickHouseLiteral.HoldsTime(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time))
            {
                throw new UsageLensException(
                    $"events[{i}]: timestamp {time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)}Z is outside 1970-01-01T00:00:00Z to 2105-12-31T23:59:59Z, the times ClickHouse holds");
            }
        }
    }

    // The first unit seen for a new event name becomes its meter's unit, as in the DuckDB engine.
    private static Dictionary<string, string> CheckUnits(IReadOnlyList<UsageEvent> events, Dictionary<string, string> meters)
    {
        var added = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!meters.TryGetValue(e.Event, out var unit) && !added.TryGetValue(e.Event, out unit))
            {
                added[e.Event] = e.Unit;
                continue;
            }
            if (!string.Equals(unit, e.Unit, StringComparison.Ordinal))
            {
                throw new UsageLensException($"events[{i}]: unit '{e.Unit}' conflicts with unit '{unit}' of event '{e.Event}'");
            }
        }
        return added;
    }

    private static List<UsageEvent> FirstArrivals(IReadOnlyList<UsageEvent> events)
    {
        var seen = new HashSet<(string, string)>();
        return events.Where(e => seen.Add((e.Source, e.Id))).ToList();
    }

    // A live retry can come back with another time (a Segment message without "timestamp" is timed by its arrival,
    // clock-skew correction moves it) or another account (looked up from the user's latest link), so only
    // (source, id) says whether an event is stored. It is looked for among events timed within EventDedupe.Window of
    // the batch: the month partitions outside that are never read, so the lookup does not grow with the workspace.
    // A copy from a stored workspace, where an event's time never changes, narrows it to the batch's own times. The
    // pairs travel as a temporary table sent with the query, which ClickHouse reads far faster than a long IN list.
    private async Task<HashSet<(string, string)>> StoredKeysAsync(IReadOnlyList<UsageEvent> events, bool sameTimeAndAccount, CancellationToken cancellationToken)
    {
        var stored = new HashSet<(string, string)>();
        foreach (var chunk in events.Chunk(LookupChunk))
        {
            var keys = new JsonEachRow(["source", "id"]);
            foreach (var e in chunk)
            {
                keys.Add(e.Source, e.Id);
            }
            var slack = sameTimeAndAccount ? TimeSpan.Zero : EventDedupe.Window;
            var sql = $"SELECT source, id FROM {ClickHouseTables.Events} WHERE "
                + $"timestamp >= {ClickHouseLiteral.Render(Second(Clamp(chunk.Min(e => e.Timestamp) - slack)))}"
                + $" AND timestamp <= {ClickHouseLiteral.Render(Second(Clamp(chunk.Max(e => e.Timestamp) + slack)))}"
                + $" AND (source, id) IN {BatchKeys}";
            var rows = await workspace.Entry.QueryAsync(sql, new ExternalTable(BatchKeys, "source String, id String", keys.ToString()), cancellationToken).ConfigureAwait(false);
            foreach (var row in rows.Rows)
            {
                stored.Add(((string)row[0]!, (string)row[1]!));
            }
        }
        return stored;
    }

    private async Task RegisterMetersAsync(Dictionary<string, string> meters, CancellationToken cancellationToken)
    {
        if (meters.Count == 0)
        {
            return;
        }
        var rows = new JsonEachRow(["event", "unit", "version"]);
        foreach (var (name, unit) in meters)
        {
            rows.Add(name, unit, 1L);
        }
        await workspace.InsertEverywhereAsync(ClickHouseTables.Meters, rows.Columns, rows.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task RegisterPropertyKeysAsync(List<UsageEvent> events, CancellationToken cancellationToken)
    {
        // Events share a handful of property objects, so each distinct text is parsed once.
        var keys = events.Select(e => e.PropertiesJson).Distinct(StringComparer.Ordinal).SelectMany(FlatJson.Keys).ToHashSet(StringComparer.Ordinal);
        await ProfileWrite.RegisterKeysAsync(workspace, ClickHouseTables.EventPropertyKeys, keys, cancellationToken).ConfigureAwait(false);
    }

    // The window may reach past the times ClickHouse holds (CheckTimes has refused events outside them).
    private static DateTime Clamp(DateTime time) =>
        time < ClickHouseLiteral.EarliestTime ? ClickHouseLiteral.EarliestTime : time > ClickHouseLiteral.LatestTime ? ClickHouseLiteral.LatestTime : time;

    private static DateTime Second(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Kind);
}
