namespace UsageLens.Core.Kpis.Revenue;

/// <summary>A revenue KPI's value over one period and group, with the parts it was computed from.</summary>
internal sealed record RevenueOutcome(double? Value, IReadOnlyList<KpiPart> Parts);
