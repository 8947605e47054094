using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Benchmarks.Insights;

/// <summary>
/// The 500-account × 180-day demo workspace the insight benchmarks read (seed 42), written once to
/// <c>USAGELENS_BENCH_INSIGHTS_WORKSPACE</c> or a file in the temp directory.
/// </summary>
internal static class InsightsWorkspace
{
    public static readonly DemoOptions Options = new(new DateOnly(2026, 11, 23), Accounts: 500, Days: 180, Seed: 42);

    public static DuckDbWorkspace Open()
    {
        var path = Environment.GetEnvironmentVariable("USAGELENS_BENCH_INSIGHTS_WORKSPACE")
            ?? Path.Combine(Path.GetTempPath(), "usagelens-bench-500x180-seed42.duckdb");
        var workspace = DuckDbWorkspace.Open(path);
        if (!workspace.HasData())
        {
            Console.WriteLine($"// writing the insights benchmark workspace {path} (once)");
            new DemoWriter(workspace).Write(DemoScenario.Build(Options));
        }
        return workspace;
    }
}
