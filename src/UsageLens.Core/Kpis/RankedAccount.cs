namespace UsageLens.Core.Kpis;

/// <summary>An account and its ranking value (revenue, MRR, usage...).</summary>
public sealed record RankedAccount(string AccountId, double Value);
