using UsageLens.Core.Kpis;
using UsageLens.Core.Kpis.Usage;

namespace UsageLens.Core.Tests.Kpis;

public sealed class UsageConcentrationTests
{
    [Fact]
    public void Gini_hhi_top_share_and_lorenz_points_of_four_accounts()
    {
        // Ascending 10, 20, 30, 40 (total 100). Σ i·x = 300, so Gini = 600/400 − 5/4 = 0.25; the mean
        // absolute difference form agrees: Σ|xi − xj| over ordered pairs = 200, ÷ (2 · 4² · 25) = 0.25.
        // HHI = 10² + 20² + 30² + 40² = 3,000. The top 2 (d, c) hold 70%.
        var outcome = UsageConcentration.Compute([("a", 10), ("b", 20), ("c", 30), ("d", 40), ("idle", 0)], TopSelection.OfCount(2));

        Assert.Equal(0.25, outcome.Gini!.Value, 12);
        Assert.Equal(3000, outcome.Hhi!.Value, 9);
        Assert.Equal((4, 100d, 70d), (outcome.Accounts, outcome.TotalUsage, outcome.TopShare!.Value));
        Assert.Equal(["d", "c"], outcome.Leaders.Select(l => l.Account));
        Assert.Equal([(0d, 0d), (25d, 10d), (50d, 30d), (75d, 60d), (100d, 100d)], outcome.Lorenz.Select(p => (p.AccountsPercent, p.UsagePercent)));
    }

    [Fact]
    public void Even_usage_has_a_gini_of_zero_and_one_account_has_the_maximum_hhi()
    {
        var even = UsageConcentration.Compute([("a", 5), ("b", 5), ("c", 5), ("d", 5)], TopSelection.OfPercent(50));
        var single = UsageConcentration.Compute([("a", 7)]);

        Assert.Equal((0d, 2500d), (even.Gini!.Value, Math.Round(even.Hhi!.Value, 9)));
        Assert.Equal(2, even.Leaders.Count); // 50% of 4 accounts
        Assert.Equal((0d, 10_000d), (single.Gini!.Value, single.Hhi!.Value));
    }

    [Fact]
    public void Many_accounts_give_101_lorenz_points_ending_at_100_percent()
    {
        var outcome = UsageConcentration.Compute(Enumerable.Range(1, 1000).Select(i => ($"a{i}", (double)i)));

        Assert.Equal(101, outcome.Lorenz.Count);
        Assert.Equal((50d, 100d), (outcome.Lorenz[50].AccountsPercent, outcome.Lorenz[^1].UsagePercent));
        // The smallest 500 of 1..1000 sum to 125,250 of 500,500.
        Assert.Equal(125_250d / 500_500 * 100, outcome.Lorenz[50].UsagePercent, 9);
    }
}
