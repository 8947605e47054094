using Xunit.Abstractions;
using UsageLens.Questions.Evaluation;

namespace UsageLens.Questions.Tests;

/// <summary>
/// The independent evaluation set (samples/questions/independent.jsonl): ordinary questions written before
/// the parser's rules were read, kept apart from the development set so that its score says how the parser
/// does on questions nobody tuned it for.
/// </summary>
public sealed class IndependentSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<EvalReport> s_report = new(() =>
        EvalReport.Run(EvalSet.Load(Path.Combine(AppContext.BaseDirectory, "independent.jsonl")), DemoVocabulary.ParserWithAccounts));

    [Fact]
    public void At_least_95_percent_of_the_independent_set_matches_exactly()
    {
        var report = s_report.Value;
        var categories = string.Join(", ", report.ByCategory.Select(c => $"{c.Category} {c.Passed}/{c.Total}"));
        var failures = string.Join("\n", report.Results.Where(r => !r.Passed).Select(r => $"line {r.Case.Line}: {r.Case.Question} => {r.Actual}"));

        output.WriteLine($"independent set: {report.Overall}% ({categories})\n{failures}");
        Assert.True(report.Overall >= EvalReport.OverallThreshold, $"{report.Overall}% ({categories}):\n{failures}");
    }
}
