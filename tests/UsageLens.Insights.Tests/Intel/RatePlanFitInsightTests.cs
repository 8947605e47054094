using UsageLens.Core;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Intel;

public sealed class RatePlanFitInsightTests
{
    [Fact]
    public async Task Usage_is_priced_on_every_plan_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "rate-plan-fit", IntelWorkspace.Request(AccountScope.All));

        // 2–31 Aug. growth: api_call 200 included then 0.1, export 1 then 2; pro: 1000 then 0.05, 10 then 1 (nobody exceeds pro).
        // On growth: c1 (2 − 1)·2 = 2, c2 (400 − 200)·0.1 = 20, t1 100·0.1 = 10, d1 800·0.1 = 80, d3 60, d4 40, the rest 0.
        // c1, c2, t1 are on growth and would pay 0 on pro: overpay 2, 20, 10. d1, d3, d4 are on pro, which costs them 0 against
        // 80, 60, 40 on growth: underpay. c3, t2, t4 (0 on both), d2 (0 on both) fit; t3's plan "trial" is not priced.
        Assert.Equal([("d1", "underpays", 80.0), ("d3", "underpays", 60.0), ("d4", "underpays", 40.0), ("c2", "overpays", 20.0), ("t1", "overpays", 10.0), ("c1", "overpays", 2.0)],
            result.Findings.Select(f => (f.Subject, f.Kind, f.Score)));
        Assert.Equal("pro", result.Findings[3].Values.Single(v => v.Name == "cheapest_plan").Text);
        Assert.Equal(212, result.Figures.Single(f => f.Name == "revenue_growth").Number);
        Assert.Equal(0, result.Figures.Single(f => f.Name == "revenue_pro").Number);
        Assert.Equal("growth", result.Figures.Single(f => f.Name == "best_plan").Text);
        Assert.Equal(32, result.Figures.Single(f => f.Name == "current_revenue").Number);
        Assert.Equal(1, result.Figures.Single(f => f.Name == "accounts_unpriced").Number);
        Assert.Equal(4, result.Figures.Single(f => f.Name == "fits").Number);
    }

    [Fact]
    public async Task Fees_are_added_to_the_usage_charges()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "rate-plan-fit", IntelWorkspace.Request(AccountScope.Partner("p2"), "fees=growth:50,pro:100"));

        // p2: c3 (growth) 50 against pro 100 → underpays 50; d3 (pro) 100 against growth 50 + 60 = 110 → underpays 10; t3 unpriced.
        // Revenue: growth 3·50 + 60 = 210, pro 3·100 = 300.
        Assert.Equal([("c3", "underpays", 50.0), ("d3", "underpays", 10.0)], result.Findings.Select(f => (f.Subject, f.Kind, f.Score)));
        Assert.Equal(300, result.Figures.Single(f => f.Name == "revenue_pro").Number);
        Assert.Equal(210, result.Figures.Single(f => f.Name == "revenue_growth").Number);
        Assert.Contains("growth 110 (fee 50 + usage 60)", result.Findings[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fee_for_an_unknown_plan_is_refused_naming_it()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var error = await Assert.ThrowsAsync<UsageLensException>(() => IntelWorkspace.ComputeAsync(store, "rate-plan-fit", IntelWorkspace.Request(AccountScope.All, "fees=gold:5")));

        Assert.Contains("'gold:5' must be plan:amount with a configured plan (growth, pro)", error.Message, StringComparison.Ordinal);
    }
}
