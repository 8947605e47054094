using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Accounts;

public sealed class UpsellInsightTests
{
    private static readonly Dictionary<string, string> s_twoPeers = new() { ["min-peers"] = "2" };

    [Fact]
    public async Task Limits_growth_and_peer_gaps_are_scored_as_worked_out_by_hand()
    {
        using var store = await AccountsWorkspace.OpenAsync();

        var result = await AccountsWorkspace.ComputeAsync(store, "upsell", new InsightRequest(AccountsWorkspace.AsOf, AccountScope.All) { Options = s_twoPeers });

        // d: 300 api_calls of 250 included = 120% → 50 + 50·(1.2 − 0.8)/0.4 = 100; 2 users on 2 seats = 100% → 75;
        //    growth 300/100 − 1 = +200% → min(100, 50 + 50·(2 − 0.3)/0.3) = 100. Sum 275.
        // a: growth 150/100 = +50% → 50 + 50·0.2/0.3 = 83.3 (150 of 250 calls and 2 of 4 seats are below 80%).
        // b, c: export used by a and d, 2 of their 3 other smb peers (66.7% ≥ 60%) → 50·2/3 = 33.3.
        Assert.Equal([("acct-d", 275.0, "plan-limit"), ("acct-a", 83.3, "growth"), ("acct-b", 33.3, "peer-adoption"), ("acct-c", 33.3, "peer-adoption")],
            result.Findings.Select(f => (f.Subject, f.Score, f.Kind)));
        var d = result.Findings[0];
        Assert.Equal(75, d.Values.Single(v => v.Name == "seats").Number);
        Assert.Contains("api_call 300 of 250 included in plan basic = 120% (over the limit)", d.Why, StringComparison.Ordinal);
        Assert.Contains("export used by 2 of 3 other smb accounts (66.7%)", result.Findings[2].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_sees_only_its_accounts_and_its_accounts_are_its_only_peers()
    {
        using var store = await AccountsWorkspace.OpenAsync();

        var result = await AccountsWorkspace.ComputeAsync(store, "upsell", new InsightRequest(AccountsWorkspace.AsOf, AccountScope.Partner("p2")) { Options = s_twoPeers });

        // b's only other peer in p2 is d, fewer than two: no cross-sell; a and c are not p2's.
        Assert.Equal([("acct-d", 275.0)], result.Findings.Select(f => (f.Subject, f.Score)));
    }

    [Fact]
    public async Task Thresholds_are_options()
    {
        using var store = await AccountsWorkspace.OpenAsync();
        var request = new InsightRequest(AccountsWorkspace.AsOf, AccountScope.All) { Options = new Dictionary<string, string> { ["near"] = "0.5", ["growth"] = "3", ["min-peers"] = "9" } };

        var result = await AccountsWorkspace.ComputeAsync(store, "upsell", request);

        // From 50%: a's 150 of 250 calls (60% → 50 + 50·0.1/0.4 = 62.5) and 2 of 4 seats (50% → 50); d's limit 100 and seats 100; no growth reaches +300%.
        Assert.Equal([("acct-d", 200.0), ("acct-a", 112.5)], result.Findings.Select(f => (f.Subject, f.Score)));
    }
}
