using System.Text.Json;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Intel;

public sealed class TrialConversionInsightTests
{
    [Fact]
    public async Task Open_trials_are_scored_against_the_converted_trials_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "trial-conversion", IntelWorkspace.Request(AccountScope.All));

        // Peers c1, c2, c3 over 2 Aug–31 Aug: api_call 200/400/100 → median 200; export 2/0/1 → 1; report 0/4/1 → 1;
        // active users 2/3/1 → 2; meters used 2/2/3 → 2. Weights 35/25/20/20.
        // t1: level mean(min(1, 300/200), 1/1, 0/1) = 66.67; users 2/2 → 100; breadth 2/2 → 100;
        //     trend api_call 200 (25–31 Aug) over 100 (18–24 Aug) = +100% → 100. (2333.3 + 2500 + 2000 + 2000) / 100 = 88.3
        // t3: level mean(1, 0, 1) = 66.67; users 1/2 → 50; breadth 2/2 → 100; no usage 18–24 Aug: trend skipped.
        //     (2333.3 + 1250 + 2000) / 80 = 69.8
        // t2: level mean(60/200, 0, 0) = 10; users 1/2 → 50; breadth 1/2 → 50; trend 10/50 = −80% → 0. (350 + 1250 + 1000) / 100 = 26
        // t4's trial began 15 June, more than 30 days before: expired.
        Assert.Equal([("t1", 88.3, "likely"), ("t3", 69.8, "possible"), ("t2", 26.0, "unlikely")], result.Findings.Select(f => (f.Subject, f.Score, f.Kind)));
        Assert.Equal(3, result.Figures.Single(f => f.Name == "peers").Number);
        Assert.Equal(1, result.Figures.Single(f => f.Name == "expired_trials").Number);
        Assert.Null(result.Findings[1].Values.Single(v => v.Name == "usage_trend").Number);
        Assert.Contains("api_call 60 of the peers' median 200", result.Findings[2].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_sees_its_trials_scored_against_its_own_converted_accounts()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "trial-conversion", IntelWorkspace.Request(AccountScope.Partner("p1"), "min-peers=2"));

        // Peers c1, c2 only: api_call median 300, export 1, report 2, users 2.5, breadth 2.
        // t1: level mean(1, 1, 0) = 66.67; users 2/2.5 = 80; breadth 100; trend 100 → (2333.3 + 2000 + 2000 + 2000) / 100 = 83.3
        // t2: level mean(0.2, 0, 0) = 6.67; users 40; breadth 50; trend 0 → (233.3 + 1000 + 1000) / 100 = 22.3
        Assert.Equal([("t1", 83.3), ("t2", 22.3)], result.Findings.Select(f => (f.Subject, f.Score)));
        var json = JsonSerializer.Serialize(result);
        Assert.DoesNotContain("\"t3\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"c3\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_converted_trials_make_every_paying_account_the_peer_group()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "trial-conversion", IntelWorkspace.Request(AccountScope.All, "min-peers=4", "trial-days=90"));

        // Paying: c1, c2, c3, d1..d4 (7). api_call 200, 400, 100, 1000, 100, 800, 600 → median 400; export 2, 0, 1, 0... → 0;
        // report 0, 4, 1, 0... → 0; users 2, 3, 1, 1, 1, 1, 1 → 1; meters 2, 2, 3, 1, 1, 1, 1 → 1.
        // t4 (trial from 15 June) is open within 90 days: no usage → level 0, users 0, breadth 0, trend skipped → 0.
        // t1: level min(1, 300/400) = 75; users 100; breadth 100; trend 100 → (2625 + 2500 + 2000 + 2000) / 100 = 91.25, rounded half to even to 91.2
        Assert.StartsWith("every paying account (7)", result.Figures.Single(f => f.Name == "peer_group").Text, StringComparison.Ordinal);
        Assert.Equal(("t1", 91.2), (result.Findings[0].Subject, result.Findings[0].Score));
        Assert.Equal(("t4", 0.0), (result.Findings[^1].Subject, result.Findings[^1].Score));
    }
}
