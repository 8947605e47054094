using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace UsageLens.Benchmarks.Insights;

/// <summary>
/// One whole run per iteration, in process; the first iteration writes the demo workspace (once, under
/// a minute), so the in-process timeout is long.
/// </summary>
public sealed class AllInsightsBenchmarkConfig : ManualConfig
{
    public AllInsightsBenchmarkConfig() =>
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
}
