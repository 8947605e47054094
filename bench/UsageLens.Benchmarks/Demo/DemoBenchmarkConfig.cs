using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using UsageLens.Demo;

namespace UsageLens.Benchmarks.Demo;

/// <summary>
/// Each operation writes millions of rows and takes seconds, so a few single-shot iterations
/// (no pilot, no overhead calibration) measure it well and keep the run short.
/// </summary>
public sealed class DemoBenchmarkConfig : ManualConfig
{
    public DemoBenchmarkConfig()
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3));
        AddColumn(new RowsPerSecondColumn("Events/s", () => DemoScenario.Build(DemoGenerationBenchmarks.Options).EventCount));
    }
}
