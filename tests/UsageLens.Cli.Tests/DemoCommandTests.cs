namespace UsageLens.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-demo-").FullName;

    [Fact]
    public async Task A_small_demo_writes_a_workspace_and_its_rate_plans_and_prints_the_headline_kpis()
    {
        var db = Path.Combine(_directory, "demo.duckdb");

        var first = await CliRun.RunAsync("demo", "--accounts", "20", "--days", "60", "--no-serve", "--db", db);
        var again = await CliRun.RunAsync("demo", "--accounts", "20", "--days", "60", "--no-serve", "--db", db);
        var charges = await CliRun.RunAsync("kpi", "usage-charges", "--db", db, "--format", "json");

        Assert.Equal((0, 0, 0), (first.Exit, again.Exit, charges.Exit));
        Assert.True(File.Exists(Path.Combine(_directory, "usagelens.yaml")));
        Assert.Contains("Headline KPIs", first.Out, StringComparison.Ordinal);
        Assert.Contains("usage charges", first.Out, StringComparison.Ordinal);
        Assert.Contains("already holds data, so it is used as it is", again.Out, StringComparison.Ordinal);
        Assert.Contains("\"kpi\":\"usage-charges\"", charges.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_sizes_are_bad_input()
    {
        var (exit, _, error) = await CliRun.RunAsync("demo", "--accounts", "3", "--no-serve", "--db", Path.Combine(_directory, "x.duckdb"));

        Assert.Equal(1, exit);
        Assert.Contains("--accounts: 3 is out of range", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
