namespace UsageLens.Insights.Accounts;

/// <summary>One row of an account's subscription timeline: from <see cref="From"/> it pays <see cref="Mrr"/> on <see cref="Plan"/>.</summary>
internal sealed record SubscriptionRow(string Account, DateOnly From, string? Plan, double Mrr, double? DiscountPct, double? Seats)
{
    /// <summary>
    /// A free trial: nothing paid, on a full discount or on a plan named as a trial. A cancelled
    /// subscription (nothing paid, no discount, no trial plan) is not one.
    /// </summary>
    public bool IsTrial => Mrr <= 0 && (DiscountPct >= 100 || (Plan?.Contains("trial", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>A paying row on a partial discount.</summary>
    public bool IsDiscounted => Mrr > 0 && DiscountPct is > 0 and < 100;

    /// <summary>The MRR before the discount: MRR ÷ (1 − discount).</summary>
    public double ListMrr => IsDiscounted ? Mrr / (1 - (DiscountPct!.Value / 100)) : Mrr;
}
