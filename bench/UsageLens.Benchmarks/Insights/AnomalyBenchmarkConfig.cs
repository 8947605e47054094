using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace UsageLens.Benchmarks.Insights;

/// <summary>
/// One whole scan per iteration (a scan takes from tens of milliseconds to seconds, so no unrolling),
/// in process: the Ratio column is each scan's time over the 1,000-series scan's in the same run.
/// </summary>
public sealed class AnomalyBenchmarkConfig : ManualConfig
{
    public AnomalyBenchmarkConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1));
}
