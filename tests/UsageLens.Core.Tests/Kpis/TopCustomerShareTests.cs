using UsageLens.Core.Kpis;

namespace UsageLens.Core.Tests.Kpis;

public sealed class TopCustomerShareTests
{
    private static RankedAccount A(string id, double value) => new(id, value);

    [Fact]
    public void Seed_example_top_10_percent_by_revenue_make_60_percent_of_a_million_calls()
    {
        // 100 accounts; acct-001 has the highest revenue. The top ten make 60,000 calls each,
        // eighty others 5,000 each and the last ten none: 600,000 of 1,000,000.
        var accounts = Enumerable.Range(1, 100).Select(i => A($"acct-{i:000}", 1_000_000 - (i * 1_000))).ToList();
        var usage = accounts.ToDictionary(a => a.AccountId, a => int.Parse(a.AccountId[5..], System.Globalization.CultureInfo.InvariantCulture) switch
        {
            <= 10 => 60_000d,
            <= 90 => 5_000d,
            _ => 0d,
        });

        var outcome = TopCustomerShare.Compute(accounts, usage, usage.Values.Sum(), TopSelection.OfPercent(10));

        Assert.Equal(60.0, outcome.Share);
        Assert.Equal((600_000d, 1_000_000d, 10, 100), (outcome.TopUsage, outcome.TotalUsage, outcome.TopAccounts, outcome.Population));
        Assert.Equal(990_000d, outcome.Cutoff);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"acct-{i:000}"), outcome.Accounts);
    }

    [Fact]
    public void TopShare_ties_are_broken_by_account_id()
    {
        var usage = new Dictionary<string, double> { ["b"] = 10, ["a"] = 30, ["c"] = 60 };

        var outcome = TopCustomerShare.Compute([A("c", 50), A("b", 100), A("a", 100)], usage, 100, TopSelection.OfCount(1));

        Assert.Equal(["a"], outcome.Accounts);
        Assert.Equal(30.0, outcome.Share);
    }

    [Fact]
    public void Accounts_with_a_ranking_value_of_zero_are_not_in_N_but_their_usage_is_in_the_total()
    {
        var usage = new Dictionary<string, double> { ["a"] = 40, ["b"] = 30, ["c"] = 20, ["d"] = 10 };

        // N = 2 (a, b); top 50% = ⌈0.5·2⌉ = 1 account: a, with 40 of 100.
        var outcome = TopCustomerShare.Compute([A("a", 9), A("b", 5), A("c", 0), A("d", 0)], usage, 100, TopSelection.OfPercent(50));

        Assert.Equal((1, 2), (outcome.TopAccounts, outcome.Population));
        Assert.Equal(40.0, outcome.Share);
    }

    [Theory]
    [InlineData(20, 7, 2)]   // 1.4 rounds up
    [InlineData(20, 500, 100)] // exactly 100, not 101 from floating-point noise
    [InlineData(10, 3, 1)]
    [InlineData(100, 3, 3)]
    [InlineData(33.3, 10, 4)]
    public void Top_percent_takes_the_ceiling_of_the_share_of_N(double percent, int n, int expectedK)
    {
        var accounts = Enumerable.Range(1, n).Select(i => A($"a{i:0000}", i)).ToList();

        var outcome = TopCustomerShare.Compute(accounts, new Dictionary<string, double>(), 0, TopSelection.OfPercent(percent));

        Assert.Equal(expectedK, outcome.TopAccounts);
    }

    [Fact]
    public void Revenue_weighted_takes_the_shortest_prefix_reaching_the_share_of_total_revenue()
    {
        var usage = new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 2 };

        // Revenue 50, 30, 20: 60% of 100 is reached after a (50) and b (80).
        var outcome = TopCustomerShare.Compute([A("a", 50), A("b", 30), A("c", 20)], usage, 4, TopSelection.OfPercent(60), revenueWeighted: true);

        Assert.Equal(["a", "b"], outcome.Accounts);
        Assert.Equal(50.0, outcome.Share);
        Assert.Equal(30d, outcome.Cutoff);
    }

    [Fact]
    public void Top_K_larger_than_N_takes_everyone_and_no_usage_gives_no_share()
    {
        var outcome = TopCustomerShare.Compute([A("a", 1), A("b", 2)], new Dictionary<string, double>(), 0, TopSelection.OfCount(50));

        Assert.Equal(2, outcome.TopAccounts);
        Assert.Null(outcome.Share);
    }

    [Fact]
    public void Revenue_weighted_refuses_a_top_count()
    {
        Assert.Throws<UsageLensException>(() => TopCustomerShare.Compute([A("a", 1)], new Dictionary<string, double>(), 0, TopSelection.OfCount(5), revenueWeighted: true));
    }

    [Theory]
    [InlineData("0%")]
    [InlineData("120%")]
    [InlineData("0")]
    [InlineData("ten")]
    [InlineData("-5")]
    public void Top_refuses_values_that_select_nobody_or_are_not_numbers(string text)
    {
        Assert.Throws<UsageLensException>(() => TopSelection.Parse(text));
    }
}
