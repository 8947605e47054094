namespace UsageLens.Core.Semantics.Custom;

/// <summary>A constant such as <c>100</c> or <c>0.5</c>.</summary>
public sealed record FormulaNumber(double Value) : FormulaNode;
