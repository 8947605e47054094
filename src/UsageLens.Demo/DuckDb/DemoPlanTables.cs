using DuckDB.NET.Data;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Demo.DuckDb;

/// <summary>
/// Temporary tables that carry the scenario's plan into DuckDB: one row per (account, day, meter)
/// plus the per-account and per-meter facts the event expansion needs.
/// </summary>
internal static class DemoPlanTables
{
    public const string Plan = "demo_plan";
    public const string Accounts = "demo_accounts";
    public const string Roster = "demo_roster";
    public const string Meters = "demo_meters";

    private const long MicrosPerHour = 3_600_000_000;

    public static void Create(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Plan} (
                chunk INTEGER NOT NULL, first_event BIGINT NOT NULL, account_idx INTEGER NOT NULL, day_us BIGINT NOT NULL,
                meter_idx INTEGER NOT NULL, events INTEGER NOT NULL, mean_quantity DOUBLE NOT NULL, user_count INTEGER NOT NULL,
                trial BOOLEAN NOT NULL);
            CREATE OR REPLACE TEMP TABLE {Roster} (account_idx INTEGER NOT NULL, ordinal INTEGER NOT NULL, user_id VARCHAR NOT NULL);
            CREATE OR REPLACE TEMP TABLE {Meters} (
                meter_idx INTEGER NOT NULL, event VARCHAR NOT NULL, unit VARCHAR NOT NULL, product VARCHAR NOT NULL,
                classification VARCHAR NOT NULL, user_share INTEGER NOT NULL, spread DOUBLE NOT NULL, window_us BIGINT NOT NULL,
                properties JSON[] NOT NULL);
            """);
    }

    public static void AppendPlan(DuckDBConnection connection, DemoScenario scenario, long eventsPerChunk)
    {
        var dayZero = Micros(scenario.Options.StartDate);
        using var appender = connection.CreateAppender(Plan);
        foreach (var row in scenario.Usage)
        {
            appender.CreateRow()
                .AppendValue((int)(row.FirstEvent / eventsPerChunk))
                .AppendValue(row.FirstEvent)
                .AppendValue(row.AccountIndex)
                .AppendValue(dayZero + (row.DayIndex * 24 * MicrosPerHour))
                .AppendValue(row.MeterIndex)
                .AppendValue(row.Events)
                .AppendValue(row.MeanQuantity)
                .AppendValue(row.Users)
                .AppendValue(row.Trial)
                .EndRow();
        }
    }

    public static void AppendRoster(DuckDBConnection connection, DemoScenario scenario)
    {
        var indexOf = scenario.Accounts.Select((a, i) => (a.AccountId, i)).ToDictionary(x => x.AccountId, x => x.i, StringComparer.Ordinal);
        using var appender = connection.CreateAppender(Roster);
        foreach (var user in scenario.Users)
        {
            appender.CreateRow().AppendValue(indexOf[user.AccountId]).AppendValue(user.Ordinal).AppendValue(user.UserId).EndRow();
        }
    }

    /// <summary>
    /// Accounts with their users as one list ordered by ordinal, so an event picks its user by
    /// position instead of joining millions of rows, and the hour around which their day centres.
    /// </summary>
    public static void CreateAccounts(DuckDBConnection connection, DemoScenario scenario)
    {
        var centres = scenario.Accounts.Select((a, i) => RegionCentre(a.Region) + ((i * 7919L) % (2 * MicrosPerHour)) - MicrosPerHour).ToList();
        DuckDbCommands.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Accounts} AS
            SELECT a.account_idx, a.account_id, a.centre_us, coalesce(r.users, []::VARCHAR[]) AS users
            FROM (SELECT generate_subscripts($1::VARCHAR[], 1) - 1 AS account_idx, unnest($1::VARCHAR[]) AS account_id, unnest($2::BIGINT[]) AS centre_us) a
            LEFT JOIN (SELECT account_idx, list(user_id ORDER BY ordinal) AS users FROM {Roster} GROUP BY account_idx) r USING (account_idx)
            """, scenario.Accounts.Select(a => a.AccountId).ToList(), centres);
    }

    public static void InsertMeters(DuckDBConnection connection, DemoScenario scenario)
    {
        for (var i = 0; i < scenario.Meters.Count; i++)
        {
            var meter = scenario.Meters[i];
            // Machine meters run around the clock; people work a 14-hour spread; a storage reading is taken at one instant.
            var window = meter.Event == "storage_used" ? 0 : meter.UserShare >= 0.5 ? 14 * MicrosPerHour : 24 * MicrosPerHour;
            DuckDbCommands.Execute(connection, $"INSERT INTO {Meters} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::VARCHAR[])",
                i, meter.Event, meter.Unit, meter.Product, meter.Classification, (int)Math.Round(meter.UserShare * 65536),
                meter.QuantitySpread, window, meter.Properties.ToList());
        }
    }

    public static void Drop(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {Plan}; DROP TABLE IF EXISTS {Accounts}; DROP TABLE IF EXISTS {Roster}; DROP TABLE IF EXISTS {Meters}");
    }

    private static long Micros(DateOnly day) => (day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 24 * MicrosPerHour;

    // The UTC hour around which a region's working day centres.
    private static long RegionCentre(string region) => region switch
    {
        "NA" => 18,
        "LATAM" => 16,
        "APAC" => 4,
        _ => 12,
    } * MicrosPerHour;
}
