using System.Text.Json;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Cli.Tests;

/// <summary>The command line against ClickHouse: --store on every command, and migrate from a DuckDB file.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseCommandTests(ClickHouseServers servers) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-cli-ch-").FullName;

    [SkippableFact]
    public async Task A_demo_migrated_to_clickhouse_and_a_demo_written_there_answer_like_the_duckdb_file()
    {
        ClickHouseRequirement.Check();
        var db = Path.Combine(_directory, "demo.duckdb");
        var migrated = servers.SingleDatabase().ToString();
        var generated = servers.ClusterDatabase().ToString();
        string[] demo = ["demo", "--accounts", "12", "--days", "45", "--seed", "5", "--no-serve", "--as-of", "2026-11-15"];
        Assert.Equal(0, (await CliRun.RunAsync([.. demo, "--db", db])).Exit);

        var (exit, output, error) = await CliRun.RunAsync("migrate", "--from", db, "--to", migrated);
        Assert.True(exit == 0, error);
        Assert.Contains("Row counts match", output, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRun.RunAsync([.. demo, "--store", generated, "--db", Path.Combine(_directory, "unused.duckdb")])).Exit);

        string[] kpi = ["kpi", "top-customer-share", "--metric", "api_call", "--top", "20%", "--rank-by", "revenue", "--group-by", "segment", "--as-of", "2026-11-15", "--format", "json"];
        var onFile = await ValueAsync([.. kpi, "--db", db]);
        Assert.Equal(onFile, await ValueAsync([.. kpi, "--store", migrated]));
        Assert.Equal(onFile, await ValueAsync([.. kpi, "--store", generated]));
    }

    [SkippableFact]
    public async Task A_second_migrate_finds_everything_there_and_stores_nothing_twice()
    {
        ClickHouseRequirement.Check();
        var db = Path.Combine(_directory, "again.duckdb");
        var target = servers.SingleDatabase().ToString();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--accounts", "10", "--days", "42", "--no-serve", "--db", db)).Exit);
        Assert.Equal(0, (await CliRun.RunAsync("migrate", "--from", db, "--to", target)).Exit);

        var (exit, output, error) = await CliRun.RunAsync("migrate", "--from", db, "--to", target);

        Assert.True(exit == 0, error);
        Assert.Contains("Row counts match", output, StringComparison.Ordinal);
        // Every event of the demo (10 accounts × 42 days) was found already there.
        var events = EventCount(db);
        Assert.Contains($" {events:N0} events were already there", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_clickhouse_is_one_line_naming_the_host()
    {
        var (exit, _, error) = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--store", "clickhouse://127.0.0.1:1/nowhere");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot open workspace clickhouse://127.0.0.1:1/nowhere: cannot reach ClickHouse at 127.0.0.1:1", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clickhouse://h1:8123,h2:8123/db", "several hosts need ?cluster=NAME")]
    [InlineData("clickhouse://h:8123/bad-name", "database name 'bad-name'")]
    [InlineData("clickhouse://h:8123/db?shards=2", "unknown or invalid setting 'shards=2'")]
    public async Task A_malformed_store_address_is_refused_with_the_reason(string store, string reason)
    {
        var (exit, _, error) = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--store", store);

        Assert.Equal(1, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    internal static long EventCount(string db)
    {
        using var workspace = Storage.DuckDb.DuckDbWorkspace.Open(db);
        using var connection = workspace.OpenConnection();
        return Convert.ToInt64(Storage.DuckDb.DuckDbCommands.Scalar(connection, "SELECT count(*) FROM events"), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ValueAsync(string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("value").GetRawText() + " " + json.RootElement.GetProperty("rows").GetRawText();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
