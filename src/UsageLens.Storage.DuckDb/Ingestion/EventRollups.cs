using DuckDB.NET.Data;

namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>
/// The daily rollups, kept by every writer in the same transaction as the events they summarise.
/// Each write appends the sums of its own new events, so a (day, …) key can have several rows;
/// readers always aggregate (sum of <c>events</c> and <c>quantity</c>, min of <c>first_at</c>,
/// count of distinct users), which makes appending exact without a read-modify-write.
/// <c>day</c> is the UTC midnight as a TIMESTAMP, so time buckets behave as on raw timestamps.
/// </summary>
public static class EventRollups
{
    public const string AccountDays = "rollup_account_days";
    public const string UserDays = "rollup_user_days";

    public const string CreateTables = $"""
        CREATE TABLE {AccountDays} (
            day TIMESTAMP NOT NULL,
            account_id VARCHAR NOT NULL,
            event VARCHAR NOT NULL,
            unit VARCHAR NOT NULL,
            product VARCHAR,
            classification VARCHAR,
            events BIGINT NOT NULL,
            quantity DOUBLE NOT NULL,
            first_at TIMESTAMP NOT NULL);
        CREATE TABLE {UserDays} (
            day TIMESTAMP NOT NULL,
            account_id VARCHAR NOT NULL,
            user_id VARCHAR,
            event VARCHAR NOT NULL,
            unit VARCHAR NOT NULL,
            product VARCHAR,
            classification VARCHAR,
            events BIGINT NOT NULL,
            quantity DOUBLE NOT NULL,
            first_at TIMESTAMP NOT NULL);
        """;

    /// <summary>Adds the daily sums of the events in <paramref name="relation"/> (a constant table name, never user text).</summary>
    public static void Append(DuckDBConnection connection, string relation)
    {
        RollupCompaction.Mark(connection, relation);
        DuckDbCommands.Execute(connection, AppendSql(relation));
    }

    /// <summary>The statements that add the daily sums of <paramref name="relation"/>'s events to both rollups.</summary>
    public static string AppendSql(string relation) => $"""
        INSERT INTO {AccountDays} (day, account_id, event, unit, product, classification, events, quantity, first_at)
        SELECT date_trunc('day', timestamp) AS day, account_id, event, unit, product, classification, count(*), sum(quantity), min(timestamp)
        FROM {relation}
        GROUP BY day, account_id, event, unit, product, classification
        ORDER BY day, event, account_id;
        INSERT INTO {UserDays} (day, account_id, user_id, event, unit, product, classification, events, quantity, first_at)
        SELECT date_trunc('day', timestamp) AS day, account_id, user_id, event, unit, product, classification, count(*), sum(quantity), min(timestamp)
        FROM {relation}
        GROUP BY day, account_id, user_id, event, unit, product, classification
        ORDER BY day, event, account_id, user_id;
        """;
}
