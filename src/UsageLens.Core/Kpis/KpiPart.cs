namespace UsageLens.Core.Kpis;

/// <summary>A named figure a KPI value was computed from (numerator, denominator, N, cut-off...).</summary>
public sealed record KpiPart(string Name, double? Value);
