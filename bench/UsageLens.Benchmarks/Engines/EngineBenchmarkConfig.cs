using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace UsageLens.Benchmarks.Engines;

/// <summary>
/// One KPI request per iteration, as a dashboard tile sends it, so P95 is the 95th percentile of single
/// requests; Ratio is each engine's time ÷ DuckDB's for the same tile. In-process, so the ClickHouse
/// servers are started (and the workspace loaded) once for every case.
/// </summary>
public sealed class EngineBenchmarkConfig : ManualConfig
{
    public EngineBenchmarkConfig()
    {
        // The first case loads the workspace into ClickHouse (minutes, once), so the in-process timeout is long.
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
            .WithStrategy(RunStrategy.Throughput).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(30).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(StatisticColumn.P95);
    }
}
