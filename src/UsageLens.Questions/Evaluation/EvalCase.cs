namespace UsageLens.Questions.Evaluation;

/// <summary>
/// One question of the evaluation set with what it must give: the asks, or an error of a kind
/// (<c>unknown</c>, <c>ambiguous</c>) with, optionally, a suggestion it must offer.
/// </summary>
public sealed record EvalCase(int Line, string Category, string Question, IReadOnlyList<QueryAsk> Expected)
{
    public string? ExpectedError { get; init; }

    public string? ExpectedSuggestion { get; init; }
}
