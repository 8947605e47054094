using System.Text.Json;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;
using UsageLens.Insights.Signals;

namespace UsageLens.Insights.Tests.Intel;

public sealed class SignalsInsightTests
{
    private static readonly SignalSettings s_defaults = new(0.3, 0.8, 0.3);

    [Fact]
    public async Task Growing_accounts_show_a_usage_growth_signal_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "signals", IntelWorkspace.Request(AccountScope.All));
        var stricter = await IntelWorkspace.ComputeAsync(store, "signals", IntelWorkspace.Request(AccountScope.Partner("p1"), "growth=1"));

        // d1 1000 against 500 and d4 600 against 300: +100% → min(100, 50 + 50 · 0.7/0.3) = 100. No account used anything new or
        // gained users (the July users of d1..d4 are their August users; the c and t accounts have no July usage).
        Assert.Equal([("d1", 100.0, "usage-growth"), ("d4", 100.0, "usage-growth")], result.Findings.Select(f => (f.Subject, f.Score, f.Kind)));
        // At a threshold of +100% the growth is exactly at it: 50.
        Assert.Equal([("d1", 50.0), ("d4", 50.0)], stricter.Findings.Select(f => (f.Subject, f.Score)));
        var p2 = await IntelWorkspace.ComputeAsync(store, "signals", IntelWorkspace.Request(AccountScope.Partner("p2")));
        Assert.Empty(p2.Findings);
        Assert.DoesNotContain("\"d1\"", JsonSerializer.Serialize(p2), StringComparison.Ordinal);
    }

    [Fact]
    public void New_features_seats_and_users_are_graded_as_worked_out_by_hand()
    {
        var usage = new UsageWindows(["api_call", "export"], new Dictionary<string, IReadOnlyDictionary<string, MeterWindows>>
        {
            ["a"] = new Dictionary<string, MeterWindows> { ["api_call"] = new(100, 50), ["export"] = new(5, 0) },
            ["b"] = new Dictionary<string, MeterWindows> { ["api_call"] = new(10, 0) },
        }, new Dictionary<string, string?> { ["a"] = "smb", ["b"] = "smb" });
        var facts = new AccountFacts(usage.Segments, usage, new Dictionary<string, double> { ["a"] = 9, ["b"] = 2 },
            new Dictionary<string, SeatCount> { ["a"] = new(9, 10) }, new SubscriptionHistory(new Dictionary<string, IReadOnlyList<SubscriptionRow>>()), new Dictionary<string, LatestNps>());

        // a: export is new (25); api_call 100/50 = +100% → 100; 9 of 10 seats → 50 + 50 · 0.1/0.4 = 62.5; users 9 against 6 = +50% → 50 + 50 · 0.2/0.3 = 83.3.
        Assert.Equal(25, BuyingSignalRules.NewFeatures("a", facts)!.Strength);
        Assert.Equal(100, BuyingSignalRules.UsageGrowth("a", facts, null, s_defaults)!.Strength);
        Assert.Equal(62.5, BuyingSignalRules.SeatsNearLimit("a", facts, s_defaults)!.Strength);
        Assert.Equal(83.33, Math.Round(BuyingSignalRules.NewUsers("a", 9, 6, s_defaults)!.Strength, 2));
        // b is new: everything it uses is new, which is not a signal; it has no earlier users or usage to grow from.
        Assert.Null(BuyingSignalRules.NewFeatures("b", facts));
        Assert.Null(BuyingSignalRules.UsageGrowth("b", facts, null, s_defaults));
        Assert.Null(BuyingSignalRules.NewUsers("b", 2, 0, s_defaults));
        Assert.Null(BuyingSignalRules.SeatsNearLimit("b", facts, s_defaults));
    }
}
