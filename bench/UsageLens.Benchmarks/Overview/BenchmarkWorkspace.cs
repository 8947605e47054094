using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Benchmarks.Overview;

/// <summary>
/// The 20-million-event demo workspace file the query benchmarks read: 1,200 accounts × 180 days,
/// seed 42 (21.9M events). It is written once, by the first benchmark process that needs it, to
/// <c>USAGELENS_BENCH_WORKSPACE</c> or a file in the temp directory.
/// </summary>
internal static class BenchmarkWorkspace
{
    public static readonly DemoOptions Options = new(new DateOnly(2026, 11, 23), Accounts: 1_200, Days: 180, Seed: 42);

    public static DateOnly Today => Options.EndDate;

    public static DuckDbWorkspace Open()
    {
        var path = Environment.GetEnvironmentVariable("USAGELENS_BENCH_WORKSPACE")
            ?? Path.Combine(Path.GetTempPath(), "usagelens-bench-1200x180-seed42.duckdb");
        var workspace = DuckDbWorkspace.Open(path);
        if (!workspace.HasData())
        {
            Console.WriteLine($"// writing the benchmark workspace {path} (once)");
            new DemoWriter(workspace).Write(DemoScenario.Build(Options));
        }
        return workspace;
    }
}
