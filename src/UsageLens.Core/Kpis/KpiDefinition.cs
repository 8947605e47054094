namespace UsageLens.Core.Kpis;

/// <summary>What <c>usagelens kpi --list</c> shows: a KPI's name, title and exact formula.</summary>
public sealed record KpiDefinition(string Name, string Title, string Formula, bool RequiresMetric);
