namespace UsageLens.Questions.Evaluation;

/// <summary>How one case went: whether the parser gave exactly what was expected, and what it gave instead.</summary>
public sealed record EvalResult(EvalCase Case, bool Passed, string Actual);
