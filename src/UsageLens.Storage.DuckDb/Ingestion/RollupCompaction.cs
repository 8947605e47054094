using DuckDB.NET.Data;
using UsageLens.Core.Storage;

namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>
/// Folds the daily rollups back to one row per key. Every write appends the sums of its own events (see
/// <see cref="EventRollups"/>), so a day of live traffic in small commits leaves a row per key and commit; the writes
/// note the days where they added to existing rows in <see cref="DirtyDays"/>, and compaction rewrites those days,
/// a few at a time, each in one transaction: the summed rows replace the day's rows, and the days are struck off.
/// </summary>
public static class RollupCompaction
{
    public const string DirtyDays = "rollup_dirty_days";

    private const string Days = "rollup_compaction_days";
    private const string Folded = "rollup_compaction_rows";

    /// <summary>Days folded by one compaction, newest first, so one transaction stays small after a big import.</summary>
    public const int DaysPerCompaction = 7;

    /// <summary>
    /// Run by a write before it appends the events in <paramref name="relation"/> (a constant table name): notes their
    /// days that already have rollup rows, since only there does the append add a second row per key. A first import
    /// into an empty workspace, or a new day of live traffic, notes nothing. The batch's first and last day are bound
    /// as constants, so DuckDB reads only those days of the rollup, not the whole of it on every commit.
    /// </summary>
    public static void Mark(DuckDBConnection connection, string relation)
    {
        var bounds = DuckDbCommands.Rows(connection, $"SELECT min(date_trunc('day', timestamp)), max(date_trunc('day', timestamp)) FROM {relation}")[0];
        if (bounds[0] is not DateTime first || bounds[1] is not DateTime last)
        {
            return;
        }
        DuckDbCommands.Execute(connection, $"""
            INSERT INTO {DirtyDays} (day)
            SELECT DISTINCT date_trunc('day', timestamp) AS day FROM {relation}
            WHERE date_trunc('day', timestamp) IN (SELECT day FROM {EventRollups.AccountDays} WHERE day >= $1 AND day <= $2)
            EXCEPT SELECT day FROM {DirtyDays}
            """, first, last);
    }

    /// <summary>Compacts up to <see cref="DaysPerCompaction"/> noted days inside the caller's transaction.</summary>
    public static RollupCompactionOutcome Compact(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {Days} AS SELECT DISTINCT day FROM {DirtyDays} ORDER BY day DESC LIMIT {DaysPerCompaction}");
        try
        {
            var days = Convert.ToInt32(DuckDbCommands.Scalar(connection, $"SELECT count(*) FROM {Days}"), System.Globalization.CultureInfo.InvariantCulture);
            if (days == 0)
            {
                return new RollupCompactionOutcome(0, 0, 0);
            }
            long before = 0, after = 0;
            foreach (var (table, keys) in new[]
            {
                (EventRollups.AccountDays, "day, account_id, event, unit, product, classification"),
                (EventRollups.UserDays, "day, account_id, user_id, event, unit, product, classification"),
            })
            {
                DuckDbCommands.Execute(connection, $"""
                    CREATE OR REPLACE TEMP TABLE {Folded} AS
                    SELECT {keys}, CAST(sum(events) AS BIGINT) AS events, sum(quantity) AS quantity, min(first_at) AS first_at
                    FROM {table} WHERE day IN (SELECT day FROM {Days})
                    GROUP BY {keys}
                    """);
                before += DuckDbCommands.Execute(connection, $"DELETE FROM {table} WHERE day IN (SELECT day FROM {Days})");
                after += DuckDbCommands.Execute(connection, $"INSERT INTO {table} ({keys}, events, quantity, first_at) SELECT * FROM {Folded} ORDER BY day, event, account_id");
            }
            var (monthsBefore, monthsAfter) = CompactMonths(connection);
            before += monthsBefore;
            after += monthsAfter;
            DuckDbCommands.Execute(connection, $"DELETE FROM {DirtyDays} WHERE day IN (SELECT day FROM {Days})");
            return new RollupCompactionOutcome(days, before, after);
        }
        finally
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {Folded}; DROP TABLE IF EXISTS {Days}");
        }
    }

    // The monthly activity rows of the noted days' months, folded by OR and min to one row per key. Only keys with more
    // than one row are rewritten: a month holds a row per user and event (1.2M at 100M events), and rewriting all of
    // it for a day of live traffic held the write lock for seconds.
    private static (long Before, long After) CompactMonths(DuckDBConnection connection)
    {
        const string Months = $"month IN (SELECT DISTINCT date_trunc('month', day) FROM {Days})";
        DuckDbCommands.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Folded} AS
            SELECT {EventRollups.UserMonthKeys}, bit_or(days) AS days, min(first_at) AS first_at
            FROM {EventRollups.UserMonths} WHERE {Months}
            GROUP BY {EventRollups.UserMonthKeys}
            HAVING count(*) > 1
            """);
        var before = DuckDbCommands.Execute(connection, $"""
            DELETE FROM {EventRollups.UserMonths} AS m USING {Folded} AS f
            WHERE m.month = f.month AND m.account_id = f.account_id AND m.user_id = f.user_id AND m.event = f.event AND m.unit = f.unit
              AND m.product IS NOT DISTINCT FROM f.product AND m.classification IS NOT DISTINCT FROM f.classification
            """);
        var after = DuckDbCommands.Execute(connection,
            $"INSERT INTO {EventRollups.UserMonths} ({EventRollups.UserMonthKeys}, days, first_at) SELECT * FROM {Folded} ORDER BY month, event, account_id, user_id");
        return (before, after);
    }
}
