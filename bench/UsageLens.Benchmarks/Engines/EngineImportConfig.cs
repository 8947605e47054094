using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace UsageLens.Benchmarks.Engines;

/// <summary>One cold import per engine: each takes minutes and leaves nothing to warm. Rows/s is events ÷ the import's time.</summary>
public sealed class EngineImportConfig : ManualConfig
{
    public EngineImportConfig()
    {
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
            .WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(new RowsPerSecondColumn("Rows/s", () => EngineImportBenchmarks.Events));
    }
}
