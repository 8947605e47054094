using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace UsageLens.Benchmarks.Overview;

/// <summary>
/// One KPI request per iteration, as a dashboard tile sends it, so the P95 column is the 95th
/// percentile of single requests. The Ratio column is rollup time ÷ raw-event time for the same tile.
/// </summary>
public sealed class OverviewBenchmarkConfig : ManualConfig
{
    public OverviewBenchmarkConfig()
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(40).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(StatisticColumn.P95);
    }
}
