using System.Text.Json;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Intel;

public sealed class AdoptionInsightTests
{
    [Fact]
    public async Task Customers_with_low_breadth_or_unused_seats_are_listed_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "adoption-assistance", IntelWorkspace.Request(AccountScope.All));

        // Meters used 2–31 Aug (smb): c1 2, c2 2, c3 3, t1 2, t2 1, t3 2, t4 0 → every smb median of active peers is 2.
        // t4 uses nothing: breadth 0/2 → severity 1 → 50; its six active peers all use api_call, 3 of 6 export and report.
        // d1..d4 (mid, breadth 1 = median 1) use 1 of 10 seats: (0.5 − 0.1)/0.5 = 0.8 → 40, 9 seats unused each.
        // t2: breadth 1/2 = 50% is not below 50%; 1 of 3 seats: (0.5 − 1/3)/0.5 = 1/3 → 16.7. c1: 2 of 5 seats: 0.2 → 10.
        Assert.Equal([("t4", 50.0, "low-breadth"), ("d1", 40.0, "low-seats"), ("d2", 40.0, "low-seats"), ("d3", 40.0, "low-seats"), ("d4", 40.0, "low-seats"), ("t2", 16.7, "low-seats"), ("c1", 10.0, "low-seats")],
            result.Findings.Select(f => (f.Subject, f.Score, f.Kind)));
        Assert.Equal("api_call export report", result.Findings[0].Values.Single(v => v.Name == "missing_features").Text);
        Assert.Equal(9, result.Findings[1].Values.Single(v => v.Name == "unused_seats").Number);
        Assert.Equal(4 * 9 + 2 + 3, result.Figures.Single(f => f.Name == "unused_seats").Number);
    }

    [Fact]
    public async Task Feature_gaps_are_the_features_most_active_peers_use_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "feature-gaps", IntelWorkspace.Request(AccountScope.All));
        var byPlan = await IntelWorkspace.ComputeAsync(store, "feature-gaps", IntelWorkspace.Request(AccountScope.All, "peers=plan"));

        // Active smb accounts: c1 {api, export}, c2 {api, report}, c3 {all}, t1 {api, export}, t2 {api}, t3 {api, report}; t4 none.
        // t4 against 6 peers: api 6/6 + export 3/6 + report 3/6 = 2 → 200. t2 against 5: export 3/5 + report 3/5 → 120.
        // c1, t1 miss report (c2, c3, t3 of 5 → 60); c2, t3 miss export (c1, c3, t1 of 5 → 60). mid accounts all use api_call only.
        Assert.Equal([("t4", 200.0), ("t2", 120.0), ("c1", 60.0), ("c2", 60.0), ("t1", 60.0), ("t3", 60.0)], result.Findings.Select(f => (f.Subject, f.Score)));
        // By plan, t2's active growth peers are c1, c2, c3, t1: export 3/4 + report 2/4 → 125.
        Assert.Equal(125, byPlan.Findings.Single(f => f.Subject == "t2").Score);
    }

    [Fact]
    public async Task A_partner_is_compared_with_its_own_accounts_only()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var gaps = await IntelWorkspace.ComputeAsync(store, "feature-gaps", IntelWorkspace.Request(AccountScope.Partner("p2"), "min-peers=1"));
        var adoption = await IntelWorkspace.ComputeAsync(store, "adoption-assistance", IntelWorkspace.Request(AccountScope.Partner("p2"), "min-peers=1"));

        // p2 holds c3, t3, d3: t3's only smb peer c3 used export → 100; d3 is alone in mid.
        Assert.Equal([("t3", 100.0)], gaps.Findings.Select(f => (f.Subject, f.Score)));
        // d3 uses 1 of 10 seats; c3 and t3 have no seats and the breadth of their one peer.
        Assert.Equal(["d3"], adoption.Findings.Select(f => f.Subject));
        Assert.DoesNotContain("\"c1\"", JsonSerializer.Serialize(gaps), StringComparison.Ordinal);
    }
}
