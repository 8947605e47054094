namespace UsageLens.Core.Kpis;

/// <summary>A KPI's value over one period with the parts it was computed from.</summary>
internal sealed record KpiOutcome(double? Value, IReadOnlyList<KpiPart> Parts);
