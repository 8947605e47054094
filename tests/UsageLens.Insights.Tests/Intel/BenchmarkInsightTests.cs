using System.Text.Json;
using UsageLens.Core;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Intel;

public sealed class BenchmarkInsightTests
{
    [Fact]
    public async Task One_account_is_placed_in_its_segment_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "benchmark", IntelWorkspace.Request(AccountScope.All, "account=d1"));

        // Segment mid: d1 against d2, d3, d4. usage_api_call 1000 against 100, 800, 600 → 100, median (100, 600, 800, 1000) = 700;
        // active users and meters 1 against 1, 1, 1 → 50, median 1; seats 1 of 10 = 10% for all → 50, median 10;
        // MRR 180 against 160, 150, 200 → 66.7, median 170; NPS +100 (9) against d2 −100 (5) and d4 0 (8), d3 answered after as-of → 100, median 0.
        // Mean (100 + 50 + 50 + 50 + 66.67 + 100) / 6 = 69.4: middle.
        var d1 = Assert.Single(result.Findings);
        Assert.Equal(("d1", 69.4, "middle"), (d1.Subject, d1.Score, d1.Kind));
        double? V(string name) => d1.Values.Single(v => v.Name == name).Number;
        Assert.Equal([100, 700, 50, 1, 50, 10, 66.7, 170, 100, 0],
            [V("usage_api_call_percentile"), V("usage_api_call_segment_median"), V("active_users_percentile"), V("feature_breadth_segment_median"),
             V("seat_utilization_percentile"), V("seat_utilization_segment_median"), V("mrr_percentile"), V("mrr_segment_median"), V("nps_percentile"), V("nps_segment_median")]);
        Assert.DoesNotContain(d1.Values, v => v.Name.StartsWith("usage_export", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_account_is_benchmarked_and_a_partner_only_against_its_own()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var all = await IntelWorkspace.ComputeAsync(store, "benchmark", IntelWorkspace.Request(AccountScope.All));
        var p1 = await IntelWorkspace.ComputeAsync(store, "benchmark", IntelWorkspace.Request(AccountScope.Partner("p1"), "account=d1"));

        Assert.Equal(11, all.Findings.Count);
        // p1's mid accounts are d1, d2, d4: usage 1000 against 100, 600 → 100; users, breadth, seats 50; MRR 180 against 160, 200 → 50;
        // NPS +100 against −100, 0 → 100. Mean (100 + 50 + 50 + 50 + 50 + 100) / 6 = 66.7.
        Assert.Equal(66.7, Assert.Single(p1.Findings).Score);
        Assert.DoesNotContain("d3", JsonSerializer.Serialize(p1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_outside_the_scope_is_unknown()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var error = await Assert.ThrowsAsync<UsageLensException>(() => IntelWorkspace.ComputeAsync(store, "benchmark", IntelWorkspace.Request(AccountScope.Partner("p1"), "account=d3")));

        Assert.Equal("option account='d3': no such account in view", error.Message);
    }
}
