namespace UsageLens.Core.Semantics.Custom;

/// <summary>A usage metric in a formula, such as <c>sum(defects)</c> or <c>users(login)</c>.</summary>
public sealed record FormulaTerm(UsageMetric Metric) : FormulaNode;
