namespace UsageLens.Core.Semantics.Custom;

/// <summary>Another custom metric used inside a formula, by name.</summary>
public sealed record FormulaReference(string Name) : FormulaNode;
