using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Tests;

/// <summary>How --db, --store, --from and --to pick an engine from the one registration list.</summary>
public sealed class WorkspaceAddressTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-cli-").FullName;

    [Fact]
    public async Task An_address_no_engine_reads_is_refused_naming_the_option()
    {
        var (exit, _, error) = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--store", "postgres://db.example:5432/usage");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: --store: no engine reads 'postgres://db.example:5432/usage'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duckdb_prefixed_store_opens_the_file_after_the_prefix()
    {
        var path = Path.Combine(_directory, "prefixed.duckdb");

        var (exit, output, _) = await CliRun.RunAsync("keys", "create", "--role", "analyst", "--store", "duckdb:" + path);

        Assert.Equal(0, exit);
        Assert.NotEqual("", output.Trim());
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Migrate_into_an_engine_that_takes_no_copies_is_refused_before_anything_is_created()
    {
        var source = Path.Combine(_directory, "source.duckdb");
        DuckDbWorkspace.Open(source).Dispose();
        var target = Path.Combine(_directory, "target.duckdb");

        var (exit, _, error) = await CliRun.RunAsync("migrate", "--from", source, "--to", target);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: --to: a DuckDB workspace takes no copies", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Migrate_from_a_missing_file_is_refused_and_creates_nothing()
    {
        var source = Path.Combine(_directory, "missing.duckdb");

        var (exit, _, error) = await CliRun.RunAsync("migrate", "--from", source, "--to", "clickhouse://127.0.0.1:1/usagelens");

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: --from: no workspace at '{source}'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(source));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
