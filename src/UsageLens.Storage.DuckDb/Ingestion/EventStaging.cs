using DuckDB.NET.Data;
using UsageLens.Core.Events;

namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>
/// A per-connection temporary table with the events table's columns plus <c>seq</c>, the order the
/// rows arrived in. Every writer (HTTP batches, file imports, the demo) stages first and merges
/// with <see cref="EventMerge"/>, so dedupe and unit checks live in one place.
/// </summary>
public static class EventStaging
{
    public const string Table = "staged_events";

    public static void Create(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Table} (
                seq BIGINT NOT NULL,
                source VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                timestamp TIMESTAMP NOT NULL,
                account_id VARCHAR NOT NULL,
                user_id VARCHAR,
                event VARCHAR NOT NULL,
                quantity DOUBLE NOT NULL,
                unit VARCHAR NOT NULL,
                product VARCHAR,
                classification VARCHAR,
                properties JSON,
                original_event VARCHAR)
            """);
    }

    public static void Append(DuckDBConnection connection, IReadOnlyList<UsageEvent> events)
    {
        using var appender = connection.CreateAppender(Table);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            appender.CreateRow()
                .AppendValue((long)i)
                .AppendValue(e.Source)
                .AppendValue(e.Id)
                .AppendValue(e.Timestamp)
                .AppendValue(e.AccountId)
                .AppendValue(e.UserId)
                .AppendValue(e.Event)
                .AppendValue(e.Quantity)
                .AppendValue(e.Unit)
                .AppendValue(e.Product)
                .AppendValue(e.Classification)
                .AppendValue(e.PropertiesJson)
                .AppendValue(e.OriginalEvent)
                .EndRow();
        }
    }

    public static void Drop(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {Table}");
    }
}
