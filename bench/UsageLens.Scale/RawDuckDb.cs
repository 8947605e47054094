using System.Diagnostics;
using DuckDB.NET.Data;

namespace UsageLens.Scale;

/// <summary>
/// The baseline with no UsageLens in it: DuckDB's own readers load the files into plain tables (the import baseline),
/// then each KPI's straightforward SQL runs over the raw events (the query baseline).
/// </summary>
internal sealed class RawDuckDb : IDisposable
{
    private readonly DuckDBConnection _connection;

    private RawDuckDb(DuckDBConnection connection, TimeSpan load)
    {
        _connection = connection;
        EventsLoad = load;
    }

    /// <summary>How long <c>CREATE TABLE events AS SELECT * FROM read_parquet(...)</c> took.</summary>
    public TimeSpan EventsLoad { get; }

    public static RawDuckDb Load(SyntheticWorkload workload, string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        var connection = new DuckDBConnection($"DataSource={path}");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        var watch = Stopwatch.StartNew();
        Execute(connection, $"CREATE TABLE events AS SELECT * RENAME (timestamp AS ts) FROM read_parquet('{workload.EventsFile}')");
        Execute(connection, "CHECKPOINT");
        var load = watch.Elapsed;
        Execute(connection, $"CREATE TABLE accounts AS SELECT * FROM read_csv('{workload.AccountsFile}')");
        Execute(connection, $"CREATE TABLE subscriptions AS SELECT account_id, effective_at::TIMESTAMPTZ AS effective_at, plan, mrr::DOUBLE AS mrr FROM read_csv('{workload.SubscriptionsFile}')");
        return new RawDuckDb(connection, load);
    }

    /// <summary>How long <c>CREATE TABLE events AS SELECT * FROM read_csv(...)</c> takes, in a new database at <paramref name="path"/>.</summary>
    public static TimeSpan TimeCsvLoad(string csv, string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        using var connection = new DuckDBConnection($"DataSource={path}");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        var watch = Stopwatch.StartNew();
        Execute(connection, $"CREATE TABLE events AS SELECT * FROM read_csv('{csv}')");
        Execute(connection, "CHECKPOINT");
        return watch.Elapsed;
    }

    /// <summary>A baseline database an earlier <see cref="Load"/> left, opened to time the queries again.</summary>
    public static RawDuckDb Open(string path)
    {
        var connection = new DuckDBConnection($"DataSource={path}");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        return new RawDuckDb(connection, TimeSpan.Zero);
    }

    /// <summary>Writes the events as CSV for PostgreSQL's COPY.</summary>
    public void ExportEventsCsv(string path) =>
        Execute(_connection, $"COPY (SELECT id, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, account_id, user_id, event, quantity, unit, product FROM events) TO '{path}' (HEADER, DELIMITER ',')");

    public TimeSpan Time(KpiCase kpi, DateOnly asOf)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = kpi.Sql;
        command.Parameters.Add(new DuckDBParameter(asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var watch = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
        return watch.Elapsed;
    }

    public void Dispose() => _connection.Dispose();

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
