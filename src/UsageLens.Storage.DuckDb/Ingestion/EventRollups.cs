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

    /// <summary>
    /// Monthly activity of events with a user: the month's active days as a bitmap (<c>days</c>, bit d-1 for day d) and
    /// the first event. Read with <c>bit_or</c> and <c>min</c>, so a row written twice (an append that repeats a key, an
    /// erasure's re-append) reads the same; user-level KPIs read it instead of a row per user, event and day.
    /// </summary>
    public const string UserMonths = "rollup_user_months";

    /// <summary>The monthly activity table's key columns.</summary>
    public const string UserMonthKeys = "month, account_id, user_id, event, unit, product, classification";

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

    /// <summary>Creates the monthly activity table.</summary>
    public const string CreateUserMonths = $"""
        CREATE TABLE {UserMonths} (
            month TIMESTAMP NOT NULL,
            account_id VARCHAR NOT NULL,
            user_id VARCHAR NOT NULL,
            event VARCHAR NOT NULL,
            unit VARCHAR NOT NULL,
            product VARCHAR,
            classification VARCHAR,
            days UINTEGER NOT NULL,
            first_at TIMESTAMP NOT NULL);
        """;

    // The user-day sums of one append, from which the account days and user months are summed in turn: the events are
    // grouped once, and the coarser rollups read a row per user and day instead of a row per event.
    private const string AppendedUserDays = "rollup_append_user_days";

    /// <summary>Adds the daily sums of the events in <paramref name="relation"/> (a constant table name, never user text).</summary>
    public static void Append(DuckDBConnection connection, string relation)
    {
        RollupCompaction.Mark(connection, relation);
        try
        {
            DuckDbCommands.Execute(connection, $"""
                CREATE OR REPLACE TEMP TABLE {AppendedUserDays} AS
                {UserDaysOf(relation)};
                INSERT INTO {UserDays} (day, account_id, user_id, event, unit, product, classification, events, quantity, first_at)
                SELECT * FROM {AppendedUserDays};
                INSERT INTO {AccountDays} (day, account_id, event, unit, product, classification, events, quantity, first_at)
                SELECT day, account_id, event, unit, product, classification, CAST(sum(events) AS BIGINT), sum(quantity), min(first_at)
                FROM {AppendedUserDays}
                GROUP BY day, account_id, event, unit, product, classification
                ORDER BY day, event, account_id;
                {UserMonthsInsert(AppendedUserDays, "day", "first_at")}
                """);
        }
        finally
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {AppendedUserDays}");
        }
    }

    /// <summary>The statements that add the daily sums of <paramref name="relation"/>'s events to both daily rollups.</summary>
    public static string DailyAppendSql(string relation) => $"""
        INSERT INTO {AccountDays} (day, account_id, event, unit, product, classification, events, quantity, first_at)
        SELECT date_trunc('day', timestamp) AS day, account_id, event, unit, product, classification, count(*), sum(quantity), min(timestamp)
        FROM {relation}
        GROUP BY day, account_id, event, unit, product, classification
        ORDER BY day, event, account_id;
        INSERT INTO {UserDays} (day, account_id, user_id, event, unit, product, classification, events, quantity, first_at)
        {UserDaysOf(relation)};
        """;

    private static string UserDaysOf(string relation) => $"""
        SELECT date_trunc('day', timestamp) AS day, account_id, user_id, event, unit, product, classification,
               count(*) AS events, sum(quantity) AS quantity, min(timestamp) AS first_at
        FROM {relation}
        GROUP BY day, account_id, user_id, event, unit, product, classification
        ORDER BY day, event, account_id, user_id
        """;

    /// <summary>Fills the monthly activity table from the user-day rollup: a workspace's stored events, without reading them.</summary>
    public static string UserMonthsFromUserDays => UserMonthsInsert(UserDays, "day", "first_at");

    // Each (month, key)'s active days as bits and its first event, from a relation with a user column, a time column
    // and the column whose minimum is the first event (constant names, never user text).
    private static string UserMonthsInsert(string relation, string time, string firstAt) => $"""
        INSERT INTO {UserMonths} ({UserMonthKeys}, days, first_at)
        SELECT date_trunc('month', {time}) AS month, account_id, user_id, event, unit, product, classification,
               bit_or(CAST(1 AS UINTEGER) << (day({time}) - 1)), min({firstAt})
        FROM {relation}
        WHERE user_id IS NOT NULL
        GROUP BY {UserMonthKeys}
        ORDER BY month, event, account_id, user_id;
        """;
}
