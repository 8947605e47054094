using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace UsageLens.Benchmarks.Questions;

/// <summary>
/// Short in-process runs, since every question of the evaluation set is its own case: each case's
/// mean is the time to parse and plan that question, and the P95 column its 95th percentile.
/// </summary>
public sealed class QuestionBenchmarkConfig : ManualConfig
{
    public QuestionBenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(6).WithEvaluateOverhead(false)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(10)));
        AddColumn(StatisticColumn.P95);
    }
}
