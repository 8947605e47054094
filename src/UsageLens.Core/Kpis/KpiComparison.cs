using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis;

/// <summary>The KPI's value over the comparison period.</summary>
public sealed record KpiComparison(Period Period, double? Value, IReadOnlyList<KpiPart> Parts);
