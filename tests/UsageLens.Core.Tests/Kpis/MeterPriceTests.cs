using UsageLens.Core.Finance;

namespace UsageLens.Core.Tests.Kpis;

public sealed class MeterPriceTests
{
    private static readonly PriceTier[] s_tiers = [new(1000, 0.10), new(5000, 0.05, FlatFee: 10), new(null, 0.02)];

    [Fact]
    public void Graduated_tiers_price_each_unit_by_its_own_tier_after_the_included_units()
    {
        // 7,000 used, 500 included: 6,500 billable = 1,000 × 0.10 + (4,000 × 0.05 + 10) + 1,500 × 0.02 = 100 + 210 + 30.
        var price = new MeterPrice(500, null, TierMode.Graduated, s_tiers);

        Assert.Equal(340, price.Charge(7000, 500), 9);
    }

    [Theory]
    [InlineData(7000, 130)]  // 6,500 billable falls in the last tier: 6,500 × 0.02
    [InlineData(3500, 160)]  // 3,000 billable falls in the second: 3,000 × 0.05 + 10
    [InlineData(1500, 100)]  // 1,000 billable is still the first: 1,000 × 0.10
    [InlineData(400, 0)]     // within the included units
    public void Volume_tiers_price_every_unit_by_the_tier_of_the_total(double usage, double expected)
    {
        var price = new MeterPrice(500, null, TierMode.Volume, s_tiers);

        Assert.Equal(expected, price.Charge(usage, 500), 9);
    }

    [Fact]
    public void A_unit_price_applies_to_usage_beyond_the_subscriptions_own_allowance()
    {
        var price = new MeterPrice(100_000, 0.002, TierMode.Graduated, []);

        Assert.Equal(40, price.Charge(120_000, 100_000), 9);   // the plan's allowance
        Assert.Equal(10, price.Charge(120_000, 115_000), 9);   // a subscription that includes more
    }
}
