using DuckDB.NET.Data;

namespace UsageLens.Cli.Tests;

/// <summary><c>usagelens doctor</c>: OK or FAIL per check, a fix line for each failure, exit 1 on any failure.</summary>
public sealed class DoctorCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "usagelens-doctor-tests", Guid.NewGuid().ToString("N"));

    public DoctorCommandTests() => Directory.CreateDirectory(_directory);

    private string Db => Path.Combine(_directory, "demo.duckdb");

    [Fact]
    public async Task A_healthy_demo_workspace_passes_every_check()
    {
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--accounts", "10", "--days", "42", "--no-serve", "--db", Db)).Exit);

        var (exit, output, _) = await CliRun.RunAsync("doctor", "--db", Db);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal(["configuration", "engine", "schema", "tables", "data"], lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.All(lines, line => Assert.StartsWith("OK ", line, StringComparison.Ordinal));
        Assert.Contains(Path.Combine(_directory, "usagelens.yaml"), lines[0], StringComparison.Ordinal);
        // The 10 accounts the demo was asked for.
        Assert.Contains("accounts 10,", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_configuration_fails_naming_the_file_and_a_fix()
    {
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--accounts", "10", "--days", "42", "--no-serve", "--db", Db)).Exit);
        var config = Path.Combine(_directory, "usagelens.yaml");
        await File.WriteAllTextAsync(config, "rate_plans:\n  pro: [unclosed\n");

        var (exit, output, _) = await CliRun.RunAsync("doctor", "--db", Db);

        Assert.Equal(1, exit);
        var lines = Lines(output);
        Assert.StartsWith("FAIL  configuration", lines[0], StringComparison.Ordinal);
        Assert.Contains(config, lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"fix: correct {config}", lines[1].Trim(), StringComparison.Ordinal);
        // The workspace itself is still checked, and is fine.
        Assert.Contains(lines, line => line.StartsWith("OK    data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_workspace_fails_with_how_to_create_one()
    {
        var missing = Path.Combine(_directory, "missing.duckdb");

        var (exit, output, _) = await CliRun.RunAsync("doctor", "--db", missing);

        Assert.Equal(1, exit);
        var lines = Lines(output);
        Assert.Equal($"FAIL  workspace     no workspace at '{missing}'", lines[1]);
        Assert.StartsWith($"fix: create it with 'usagelens demo --db {missing}'", lines[2].Trim(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_duckdb_file_that_is_not_a_workspace_fails_on_schema_and_tables()
    {
        var other = Path.Combine(_directory, "other.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={other}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE events (x INTEGER)";
            command.ExecuteNonQuery();
        }

        var (exit, output, _) = await CliRun.RunAsync("doctor", "--db", other);

        Assert.Equal(1, exit);
        var lines = Lines(output);
        Assert.Contains(lines, line => line.StartsWith("FAIL  schema        version 0, this UsageLens has ", StringComparison.Ordinal));
        var tables = Assert.Single(lines, line => line.StartsWith("FAIL  tables", StringComparison.Ordinal));
        Assert.Contains("accounts", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("events", tables, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_clickhouse_fails_with_how_to_start_it()
    {
        var (exit, output, _) = await CliRun.RunAsync("doctor", "--db", Db, "--store", "clickhouse://127.0.0.1:1/usagelens");

        Assert.Equal(1, exit);
        var lines = Lines(output);
        Assert.StartsWith("FAIL  engine        ClickHouse cannot read 'clickhouse://127.0.0.1:1/usagelens': cannot reach ClickHouse at 127.0.0.1:1", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("fix: start the ClickHouse server", lines[2].Trim(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
