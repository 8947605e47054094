using UsageLens.Questions.Evaluation;

namespace UsageLens.Questions.Tests;

/// <summary>The hand-written evaluation set (samples/questions/eval.jsonl) against the demo vocabulary.</summary>
public sealed class EvaluationSetTests
{
    private static readonly Lazy<EvalReport> s_report = new(() =>
        EvalReport.Run(EvalSet.Load(Path.Combine(AppContext.BaseDirectory, "eval.jsonl")), DemoVocabulary.Parser));

    [Fact]
    public void The_set_holds_at_least_200_questions_covering_every_KPI()
    {
        var cases = EvalSet.Load(Path.Combine(AppContext.BaseDirectory, "eval.jsonl"));
        var kpis = cases.SelectMany(c => c.Expected).Select(a => a.Kpi).OfType<string>().ToHashSet();

        Assert.True(cases.Count >= 200, $"{cases.Count} questions");
        Assert.All(QuestionParser.KpiNames, k => Assert.Contains(k, kpis));
    }

    [Fact]
    public void At_least_95_percent_of_the_set_matches_exactly()
    {
        var failures = string.Join("\n", s_report.Value.Results.Where(r => !r.Passed).Select(r => $"line {r.Case.Line}: {r.Case.Question} => {r.Actual}"));

        Assert.True(s_report.Value.Overall >= EvalReport.OverallThreshold, $"{s_report.Value.Overall}%:\n{failures}");
    }

    [Fact]
    public void Every_questions_md_example_in_the_set_matches_exactly()
    {
        var spec = s_report.Value.Results.Where(r => r.Case.Category == EvalReport.SpecCategory).ToList();

        Assert.Equal(12, spec.Count);
        Assert.All(spec, r => Assert.True(r.Passed, $"{r.Case.Question} => {r.Actual}"));
    }
}
