namespace UsageLens.Core.Finance;

/// <summary>How a rate plan prices one meter: units included in the plan, then a unit price or tiers.</summary>
public sealed record MeterPrice(double Included, double? UnitPrice, TierMode Mode, IReadOnlyList<PriceTier> Tiers)
{
    /// <summary>
    /// The charge for <paramref name="usage"/> units when <paramref name="included"/> are included
    /// (the subscription's own allowance, or the plan's). Tiers apply to the billable units.
    /// </summary>
    public double Charge(double usage, double included)
    {
        var billable = Math.Max(0, usage - included);
        if (Tiers.Count == 0)
        {
            return billable * (UnitPrice ?? 0);
        }
        if (billable == 0)
        {
            return 0;
        }
        return Mode == TierMode.Volume ? Volume(billable) : Graduated(billable);
    }

    private double Volume(double billable)
    {
        var tier = Tiers.FirstOrDefault(t => t.UpTo is null || billable <= t.UpTo) ?? Tiers[^1];
        return (billable * tier.UnitPrice) + tier.FlatFee;
    }

    private double Graduated(double billable)
    {
        var charge = 0d;
        var lower = 0d;
        foreach (var tier in Tiers)
        {
            var upper = tier.UpTo ?? double.PositiveInfinity;
            var units = Math.Min(billable, upper) - lower;
            if (units <= 0)
            {
                break;
            }
            charge += (units * tier.UnitPrice) + tier.FlatFee;
            lower = upper;
        }
        return charge;
    }
}
