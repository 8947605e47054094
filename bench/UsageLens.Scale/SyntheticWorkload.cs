using DuckDB.NET.Data;

namespace UsageLens.Scale;

/// <summary>
/// The files a scale run imports, written by DuckDB from a seedless hash of the row number, so a size always gives
/// the same rows: one account per 20,000 events (500 at 10M, 5,000 at 100M), 25 users each, 180 days of events
/// ending the day before <see cref="AsOf"/>. Accounts are skewed (the square of a uniform draw), as usage is:
/// a few accounts make most of it. 60% of events are <c>api_call</c> (quantity 1–100), 25% <c>login</c>, the rest
/// four features. Every account has a subscription; one in five expands mid-way and one in twenty churns.
/// </summary>
internal sealed class SyntheticWorkload
{
    public static readonly DateOnly AsOf = new(2026, 12, 1);

    private SyntheticWorkload(string directory, long events)
    {
        Directory = directory;
        Events = events;
    }

    public string Directory { get; }

    public long Events { get; }

    public long Accounts => Math.Max(50, Events / 20_000);

    public string EventsFile => Path.Combine(Directory, "events.parquet");

    public string AccountsFile => Path.Combine(Directory, "accounts.csv");

    public string SubscriptionsFile => Path.Combine(Directory, "subscriptions.csv");

    /// <summary>The files for <paramref name="events"/> events under <paramref name="directory"/>, written unless already there.</summary>
    public static SyntheticWorkload Prepare(string directory, long events)
    {
        System.IO.Directory.CreateDirectory(directory);
        var workload = new SyntheticWorkload(directory, events);
        if (!File.Exists(workload.EventsFile))
        {
            workload.Write();
        }
        return workload;
    }

    private void Write()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        var start = AsOf.AddDays(-180).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var partial = EventsFile + ".partial";
        Execute(connection, $"""
            COPY (
              WITH draws AS (
                SELECT i,
                       (hash(i * 4 + 1) % 1000000) / 1000000.0 AS u_account,
                       hash(i * 4 + 2) % 100 AS u_event,
                       hash(i * 4 + 3) % (180 * 86400) AS second,
                       hash(i * 4 + 4) % 25 AS user_no
                FROM range({Events}) r(i))
              SELECT 'e' || i AS id,
                     TIMESTAMPTZ '{start} 00:00:00+00' + to_seconds(second::BIGINT) AS timestamp,
                     'a' || CAST(floor({Accounts} * u_account * u_account) AS BIGINT) AS account_id,
                     'a' || CAST(floor({Accounts} * u_account * u_account) AS BIGINT) || '-u' || user_no AS user_id,
                     CASE WHEN u_event < 60 THEN 'api_call' WHEN u_event < 85 THEN 'login' WHEN u_event < 90 THEN 'export'
                          WHEN u_event < 95 THEN 'report' WHEN u_event < 98 THEN 'dashboard_view' ELSE 'invite' END AS event,
                     CASE WHEN u_event < 60 THEN 1 + hash(i * 4 + 5) % 100 ELSE 1 END::DOUBLE AS quantity,
                     'count' AS unit,
                     CASE WHEN u_event < 60 THEN 'api' ELSE 'app' END AS product
              FROM draws)
            TO '{partial}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)
            """);
        Execute(connection, $"""
            COPY (SELECT 'a' || a AS account_id, 'Account ' || a AS name,
                         CASE WHEN a % 10 = 0 THEN 'enterprise' WHEN a % 10 < 4 THEN 'mid-market' ELSE 'smb' END AS segment,
                         CASE a % 3 WHEN 0 THEN 'emea' WHEN 1 THEN 'amer' ELSE 'apac' END AS region,
                         CASE WHEN a % 10 = 0 THEN 'enterprise' WHEN a % 10 < 4 THEN 'pro' ELSE 'starter' END AS plan,
                         'p' || (a % 10) AS partner_id,
                         round(2000000.0 / (a + 1) + (hash(a) % 50000)) AS revenue,
                         25 AS licensed_seats
                  FROM range({Accounts}) r(a))
            TO '{AccountsFile}' (HEADER, DELIMITER ',')
            """);
        Execute(connection, $"""
            COPY (SELECT 'a' || a AS account_id, '{start}T00:00:00Z' AS effective_at, 'pro' AS plan, 100 + (a % 50) * 10 AS mrr
                  FROM range({Accounts}) r(a)
                  UNION ALL
                  SELECT 'a' || a, strftime(DATE '{start}' + (30 + hash(a) % 140)::INTEGER, '%Y-%m-%dT00:00:00Z'), 'pro',
                         CASE WHEN a % 20 = 7 THEN 0 ELSE 200 + (a % 50) * 15 END
                  FROM range({Accounts}) r(a) WHERE a % 5 = 2 OR a % 20 = 7)
            TO '{SubscriptionsFile}' (HEADER, DELIMITER ',')
            """);
        File.Move(partial, EventsFile);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
