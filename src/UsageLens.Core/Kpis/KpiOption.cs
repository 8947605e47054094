namespace UsageLens.Core.Kpis;

/// <summary>An option a KPI accepts beyond the common ones, such as <c>window=28</c> for active users.</summary>
public sealed record KpiOption(string Name, string Description);
