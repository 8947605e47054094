using DuckDB.NET.Data;
using UsageLens.Core.Events;

namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>
/// Moves staged events into the events table inside the caller's transaction: refuses unit
/// conflicts, registers new meters, and skips every (source, id) already stored or repeated
/// within the staged rows (the first arrival wins).
/// </summary>
public static class EventMerge
{
    private const string NewEvents = "event_merge_new";

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

    /// <summary>Inserts the staged events that are new and returns how many were stored.</summary>
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
        // The new rows are materialised once so the events and both rollups take exactly the same rows.
        // Stored ids are looked up only among events timed within EventDedupe.Window of the staged ones: the bounds are
        // constants, so DuckDB skips every row group whose timestamps lie outside them, and a batch of live
        // events costs the same against ten thousand stored events as against a hundred million.
        var (from, to) = DedupeBounds(connection);
        DuckDbCommands.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {NewEvents} AS
            SELECT source, id, timestamp, account_id, user_id, event, quantity, unit,
                   product, classification, properties, original_event
            FROM (
                SELECT s.*, row_number() OVER (PARTITION BY s.source, s.id ORDER BY s.seq) AS arrival
                FROM {EventStaging.Table} s
                WHERE NOT EXISTS (
                    SELECT 1 FROM events e WHERE e.timestamp >= $1 AND e.timestamp <= $2 AND e.source = s.source AND e.id = s.id))
            WHERE arrival = 1
            """, from, to);
        try
        {
            var stored = DuckDbCommands.Execute(connection, $"""
                INSERT INTO events (source, id, timestamp, account_id, user_id, event, quantity, unit,
                                    product, classification, properties, original_event)
                SELECT * FROM {NewEvents} ORDER BY timestamp
                """);
            EventRollups.Append(connection, NewEvents);
            return stored;
        }
        finally
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {NewEvents}");
        }
    }

    private static (DateTime From, DateTime To) DedupeBounds(DuckDBConnection connection)
    {
        var row = DuckDbCommands.Rows(connection, $"SELECT min(timestamp), max(timestamp) FROM {EventStaging.Table}")[0];
        return row[0] is DateTime first && row[1] is DateTime last
            ? (first - EventDedupe.Window, last + EventDedupe.Window)
            : (DateTime.MinValue, DateTime.MinValue);
    }
}
