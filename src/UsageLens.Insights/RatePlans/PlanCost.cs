namespace UsageLens.Insights.RatePlans;

/// <summary>What an account's usage would cost on one plan: its fee plus its usage charge; <see cref="Actual"/> when it is the account's own plan, charged as billed.</summary>
internal sealed record PlanCost(string Plan, double Fee, double Charge, bool Actual)
{
    public double Total => Fee + Charge;
}
