using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Intel;

public sealed class DiscountsInsightTests
{
    [Fact]
    public async Task A_heavy_growing_account_on_a_discount_is_listed_with_the_mrr_to_recover()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "discounts", IntelWorkspace.Request(AccountScope.All));

        // Segment mid, api_call over 2–31 Aug: d1 1000, d2 100, d3 800, d4 600. d1 is above its 3 peers → percentile 1;
        // growth 1000/500 − 1 = +100%. d2 (percentile 0) is light, d3 (2/3 = 0.667 < 0.75) is not heavy enough and flat.
        // d1 pays 180 on 10%: list 180 / 0.9 = 200, 20 a month to recover.
        var d1 = Assert.Single(result.Findings);
        Assert.Equal(("d1", 20.0, "phase-out"), (d1.Subject, d1.Score, d1.Kind));
        Assert.Equal(1, d1.Values.Single(v => v.Name == "usage_percentile").Number);
        Assert.Equal(1, d1.Values.Single(v => v.Name == "growth").Number);
        Assert.Contains("10% discount since 2026-05-01 on plan pro: MRR 180 against 200 at list price", d1.Why, StringComparison.Ordinal);
        // Given away by the three discounts: 20 + (160/0.8 − 160 = 40) + (150/0.75 − 150 = 50) = 110.
        Assert.Equal(110, result.Figures.Single(f => f.Name == "mrr_given_away").Number);
        Assert.Equal(3, result.Figures.Single(f => f.Name == "discounted_accounts").Number);
    }

    [Fact]
    public async Task Thresholds_are_options_and_findings_are_ranked_by_mrr_to_recover()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "discounts", IntelWorkspace.Request(AccountScope.All, "heavy=0.5", "growth=0"));

        // d3: percentile 2/3 ≥ 0.5 and growth 800/800 − 1 = 0 ≥ 0 → 50 to recover; d1 20. d2 stays light.
        Assert.Equal([("d3", 50.0), ("d1", 20.0)], result.Findings.Select(f => (f.Subject, f.Score)));
    }

    [Fact]
    public async Task A_partner_sees_only_its_accounts_ranked_among_its_own_segment()
    {
        using var storeAll = await IntelWorkspace.OpenAsync();

        var p2 = await IntelWorkspace.ComputeAsync(storeAll, "discounts", IntelWorkspace.Request(AccountScope.Partner("p2"), "heavy=0", "growth=-1"));
        var p1 = await IntelWorkspace.ComputeAsync(storeAll, "discounts", IntelWorkspace.Request(AccountScope.Partner("p1"), "heavy=0.9"));

        // p2's only mid account is d3: no peer to rank it against, so it is not listed even with no thresholds.
        Assert.Empty(p2.Findings);
        Assert.Equal(1, p2.Figures.Single(f => f.Name == "discounted_accounts").Number);
        // p1: d1 against d2 and d4 → percentile 1.
        Assert.Equal(["d1"], p1.Findings.Select(f => f.Subject));
        Assert.Equal(60, p1.Figures.Single(f => f.Name == "mrr_given_away").Number);
    }
}
