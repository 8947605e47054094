namespace UsageLens.Core.Semantics.Custom;

/// <summary><c>left op right</c>, where <paramref name="Operator"/> is one of <c>+ - * /</c>.</summary>
public sealed record FormulaBinary(char Operator, FormulaNode Left, FormulaNode Right) : FormulaNode;
