using UsageLens.Core;

namespace UsageLens.Questions.Evaluation;

/// <summary>
/// Runs an evaluation set through the parser only (no store is needed, so the same set checks any
/// engine's vocabulary) and scores exact matches per category.
/// </summary>
public sealed class EvalReport
{
    /// <summary>The share of cases that must match exactly overall.</summary>
    public const double OverallThreshold = 95;

    /// <summary>The category holding the questions.md table, which must match entirely.</summary>
    public const string SpecCategory = "spec";

    private EvalReport(IReadOnlyList<EvalResult> results)
    {
        Results = results;
    }

    public IReadOnlyList<EvalResult> Results { get; }

    public double Overall => Percent(Results);

    public IReadOnlyList<(string Category, int Passed, int Total, double Percent)> ByCategory =>
        [.. Results.GroupBy(r => r.Case.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(r => r.Passed), g.Count(), Percent([.. g])))];

    /// <summary>Whether the thresholds hold: 95% overall and every questions.md example.</summary>
    public bool MeetsThresholds => Overall >= OverallThreshold && Results.Where(r => r.Case.Category == SpecCategory).All(r => r.Passed);

    public static EvalReport Run(IReadOnlyList<EvalCase> cases, QuestionParser parser)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(parser);
        return new EvalReport([.. cases.Select(c => Check(c, parser))]);
    }

    private static EvalResult Check(EvalCase evalCase, QuestionParser parser)
    {
        try
        {
            var asks = parser.Parse(evalCase.Question).Asks;
            var actual = string.Join(" ", asks.Select(a => a.Canonical()));
            var passed = evalCase.ExpectedError is null && asks.Count == evalCase.Expected.Count && asks.Zip(evalCase.Expected).All(p => p.First.SameAs(p.Second));
            return new EvalResult(evalCase, passed, actual);
        }
        catch (QuestionNotUnderstoodException ex)
        {
            var kind = ex.IsAmbiguous ? "ambiguous" : "unknown";
            var passed = evalCase.ExpectedError == kind && (evalCase.ExpectedSuggestion is null || ex.Suggestions.Contains(evalCase.ExpectedSuggestion));
            return new EvalResult(evalCase, passed, $"{kind}: {ex.Message}");
        }
        catch (UsageLensException ex)
        {
            return new EvalResult(evalCase, evalCase.ExpectedError == "invalid", $"invalid: {ex.Message}");
        }
    }

    private static double Percent(IReadOnlyCollection<EvalResult> results) =>
        results.Count == 0 ? 100 : Math.Round(100.0 * results.Count(r => r.Passed) / results.Count, 1);
}
