namespace UsageLens.Core.Kpis.Usage;

/// <summary>The smallest <see cref="AccountsPercent"/>% of accounts account for <see cref="UsagePercent"/>% of usage.</summary>
public sealed record LorenzPoint(double AccountsPercent, double UsagePercent);
