namespace UsageLens.Core.Semantics.Custom;

/// <summary><c>-operand</c>.</summary>
public sealed record FormulaNegation(FormulaNode Operand) : FormulaNode;
