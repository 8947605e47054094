namespace UsageLens.Core.Kpis.Finance;

/// <summary>What one account owes for one meter over one period under its plan.</summary>
public sealed record UsageCharge(string? Period, string AccountId, string Plan, string Meter, double Usage, double Included, double Charge)
{
    public double Billable => Math.Max(0, Usage - Included);
}
