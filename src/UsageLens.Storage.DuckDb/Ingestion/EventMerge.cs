using DuckDB.NET.Data;
using UsageLens.Core.Events;

namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>
/// Moves staged events into the events table inside the caller's transaction: refuses unit
/// conflicts, registers new meters, and skips every (source, id) already stored or repeated
/// within the staged rows (the first arrival wins). Skipped rows are deleted from the staging table.
/// </summary>
public static class EventMerge
{
    /// <summary>The first staged row, by arrival, whose unit conflicts with the stored meter or an earlier staged row.</summary>
    public static UnitConflict? FindUnitConflict(DuckDBConnection connection)
    {
        using var command = DuckDbCommands.Create(connection, $"""
            WITH first_units AS (
                SELECT event, arg_min(unit, seq) AS unit FROM {EventStaging.Table} GROUP BY event),
            expected AS (
                SELECT f.event, coalesce(m.unit, f.unit) AS unit
                FROM first_units f LEFT JOIN meters m ON m.event = f.event)
            SELECT s.event, s.unit, x.unit, s.seq
            FROM {EventStaging.Table} s JOIN expected x ON x.event = s.event
            WHERE s.unit <> x.unit
            ORDER BY s.seq
            LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return new UnitConflict(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
    }

    /// <summary>Inserts the staged events that are new, leaving only them staged, and returns how many were stored.</summary>
    public static long MergeNewEvents(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, $"""
            INSERT INTO meters (event, unit)
            SELECT event, arg_min(unit, seq) FROM {EventStaging.Table}
            WHERE event NOT IN (SELECT event FROM meters)
            GROUP BY event
            """);
        DuckDbCommands.Execute(connection, $"""
            INSERT INTO event_property_keys (key)
            SELECT DISTINCT key FROM (SELECT unnest(json_keys(properties)) AS key FROM {EventStaging.Table} WHERE properties IS NOT NULL)
            WHERE key NOT IN (SELECT key FROM event_property_keys)
            """);
        // The staged rows that are not new are deleted, so the events and the rollups take exactly the rows that remain.
        // Finding them reads only (source, id, seq), and a batch without repeats or stored ids (every first import) is
        // not copied again. Stored ids are looked up only among events timed within EventDedupe.Window of the staged
        // ones: the bounds are constants, so DuckDB skips every row group whose timestamps lie outside them, and a batch
        // of live events costs the same against ten thousand stored events as against a hundred million.
        var (from, to) = DedupeBounds(connection);
        DuckDbCommands.Execute(connection, $"""
            DELETE FROM {EventStaging.Table} WHERE seq IN (
                SELECT s.seq FROM {EventStaging.Table} s
                JOIN (SELECT source, id, min(seq) AS first FROM {EventStaging.Table} GROUP BY source, id HAVING count(*) > 1) r
                  ON r.source = s.source AND r.id = s.id
                WHERE s.seq <> r.first
                UNION ALL
                SELECT s.seq FROM {EventStaging.Table} s
                WHERE EXISTS (SELECT 1 FROM events e WHERE e.timestamp >= $1 AND e.timestamp <= $2 AND e.source = s.source AND e.id = s.id))
            """, from, to);
        var stored = DuckDbCommands.Execute(connection, $"""
            INSERT INTO events (source, id, timestamp, account_id, user_id, event, quantity, unit,
                                product, classification, properties, original_event)
            SELECT source, id, timestamp, account_id, user_id, event, quantity, unit,
                   product, classification, properties, original_event
            FROM {EventStaging.Table} ORDER BY timestamp
            """);
        EventRollups.Append(connection, EventStaging.Table);
        return stored;
    }

    private static (DateTime From, DateTime To) DedupeBounds(DuckDBConnection connection)
    {
        var row = DuckDbCommands.Rows(connection, $"SELECT min(timestamp), max(timestamp) FROM {EventStaging.Table}")[0];
        return row[0] is DateTime first && row[1] is DateTime last
            ? (first - EventDedupe.Window, last + EventDedupe.Window)
            : (DateTime.MinValue, DateTime.MinValue);
    }
}
