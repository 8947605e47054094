namespace UsageLens.Core.Semantics.Custom;

/// <summary>A metric computed per row from other metrics, such as <c>sum(defects) / sum(units_produced) * 100</c>.</summary>
public sealed record FormulaMetric(string Name, string Formula, FormulaNode Expression, string Unit, string? Description)
    : CustomMetric(Name, Unit, Description)
{
    public override string Definition => Formula;
}
