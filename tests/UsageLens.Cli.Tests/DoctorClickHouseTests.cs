using System.Globalization;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Cli.Tests;

/// <summary><c>usagelens doctor --store clickhouse://...</c> against real ClickHouse servers.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class DoctorClickHouseTests(ClickHouseServers servers) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-doctor-ch-").FullName;

    [SkippableFact]
    public async Task A_migrated_workspace_on_a_cluster_passes_with_the_rows_of_the_duckdb_file()
    {
        ClickHouseRequirement.Check();
        var db = Path.Combine(_directory, "demo.duckdb");
        var store = servers.ClusterDatabase().ToString();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--accounts", "10", "--days", "42", "--no-serve", "--db", db)).Exit);
        Assert.Equal(0, (await CliRun.RunAsync("migrate", "--from", db, "--to", store)).Exit);

        var (exit, output, _) = await CliRun.RunAsync("doctor", "--db", db, "--store", store);

        Assert.Equal(0, exit);
        var data = Assert.Single(output.Split('\n'), line => line.StartsWith("OK    data", StringComparison.Ordinal));
        Assert.Contains($"events {ClickHouseCommandTests.EventCount(db).ToString("N0", CultureInfo.InvariantCulture)}, accounts 10,", data, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_database_never_opened_fails_on_tables_and_is_not_created()
    {
        ClickHouseRequirement.Check();
        var store = servers.SingleDatabase().ToString();

        var (exit, output, _) = await CliRun.RunAsync("doctor", "--db", Path.Combine(_directory, "none.duckdb"), "--store", store);

        Assert.Equal(1, exit);
        Assert.Contains(output.Split('\n'), line => line.StartsWith("FAIL  tables        missing: account_trait_keys, accounts, api_keys,", StringComparison.Ordinal));
        var again = await CliRun.RunAsync("doctor", "--db", Path.Combine(_directory, "none.duckdb"), "--store", store);
        Assert.Contains("FAIL  tables", again.Out, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
