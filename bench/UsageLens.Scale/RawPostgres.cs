using System.Diagnostics;
using Npgsql;

using UsageLens.Reliability;

namespace UsageLens.Scale;

/// <summary>
/// PostgreSQL 15 from Debian's package, as a person would set it up for this: its own cluster (initdb, pg_ctl) on a
/// free port, the files loaded with COPY, an index on the event time, ANALYZE; then each KPI's straightforward SQL.
/// As root (CI), the cluster runs as the <c>postgres</c> user, since the server refuses to run as root.
/// </summary>
internal sealed class RawPostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _data;
    private readonly NpgsqlDataSource _source;

    private RawPostgres(string data, NpgsqlDataSource source)
    {
        _data = data;
        _source = source;
    }

    // The user the server runs as: itself, or postgres when this runs as root.
    private static string? Owner => Environment.UserName == "root" ? "postgres" : null;

    public static bool Installed => File.Exists(Path.Combine(Bin, "postgres"));

    public static async Task<RawPostgres> StartAsync(string directory, string eventsCsv, SyntheticWorkload workload)
    {
        var home = Path.Combine(directory, "postgres");
        if (Directory.Exists(home))
        {
            Directory.Delete(home, recursive: true);
        }
        var data = Path.Combine(home, "data");
        Directory.CreateDirectory(data);
        var port = ServeProcess.FreePort();
        if (Owner is { } owner)
        {
            await RunAsync("chown", "-R", $"{owner}:{owner}", home);
        }
        await RunAsAsync(Owner, Path.Combine(Bin, "initdb"), "-D", data, "-U", "bench", "--auth=trust", "-E", "UTF8");
        await RunAsAsync(Owner, Path.Combine(Bin, "pg_ctl"), "-D", data, "-l", Path.Combine(home, "server.log"), "-w", "-o",
            $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c shared_buffers=4GB -c work_mem=256MB -c max_parallel_workers_per_gather=2 -c fsync=on -c timezone=UTC", "start");
        var source = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=bench;Database=postgres;Timezone=UTC;Command Timeout=0");
        var postgres = new RawPostgres(data, source);
        await postgres.LoadAsync(eventsCsv, workload);
        return postgres;
    }

    private async Task LoadAsync(string eventsCsv, SyntheticWorkload workload)
    {
        await ExecuteAsync("""
            CREATE TABLE events (id text, ts timestamptz, account_id text, user_id text, event text, quantity double precision, unit text, product text);
            CREATE TABLE accounts (account_id text, name text, segment text, region text, plan text, partner_id text, revenue double precision, licensed_seats int);
            CREATE TABLE subscriptions (account_id text, effective_at timestamptz, plan text, mrr double precision);
            """);
        await CopyAsync("events", eventsCsv);
        await CopyAsync("accounts", workload.AccountsFile);
        await CopyAsync("subscriptions", workload.SubscriptionsFile);
        await ExecuteAsync("CREATE INDEX events_ts ON events (ts); ANALYZE events; ANALYZE accounts; ANALYZE subscriptions;");
    }

    // COPY FROM STDIN through the client, so the server's user need not read the bench's files.
    private async Task CopyAsync(string table, string csv)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)");
        using var reader = new StreamReader(csv);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public async Task<TimeSpan> TimeAsync(KpiCase kpi, DateOnly asOf)
    {
        await using var command = _source.CreateCommand(kpi.Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        var watch = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
        return watch.Elapsed;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        _source.Dispose();
        RunAsAsync(Owner, Path.Combine(Bin, "pg_ctl"), "-D", _data, "-m", "immediate", "stop").GetAwaiter().GetResult();
    }

    private static Task RunAsAsync(string? user, string program, params string[] arguments) =>
        user is null ? RunAsync(program, arguments) : RunAsync("runuser", ["-u", user, "--", program, .. arguments]);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
