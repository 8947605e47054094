namespace UsageLens.Core.Semantics.Custom;

/// <summary>A node of a parsed formula.</summary>
public abstract record FormulaNode;
