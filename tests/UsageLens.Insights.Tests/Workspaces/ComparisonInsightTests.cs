using MathNet.Numerics.Distributions;
using UsageLens.Core;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Workspaces;

public sealed class ComparisonInsightTests
{
    private static readonly DateOnly s_asOf = new(2026, 9, 1);

    [Fact]
    public async Task Each_account_is_set_against_the_rest_with_a_paired_t_test_over_the_months()
    {
        var events = SyntheticWorkspace.Events();
        using var store = await SyntheticWorkspace.OpenAsync(events);

        var result = await SyntheticWorkspace.ComputeAsync(store, "comparison", new InsightRequest(s_asOf, AccountScope.All)
        {
            Kpi = "usage",
            Metric = "api_call",
            Dimension = "account_id",
            Grain = "month",
            Period = "last-6-months",
        });

        // March to August: the steady account's monthly calls minus the other two's, straight from the events.
        double Month(int month, Func<string, bool> accounts) => events.Where(e => e.Timestamp.Month == month && accounts(e.AccountId)).Sum(e => e.Quantity);
        var differences = Enumerable.Range(3, 6).Select(m => Month(m, a => a == "acct-steady") - Month(m, a => a != "acct-steady")).ToList();
        var mean = differences.Average();
        var error = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / 5 / 6);
        var steady = Assert.Single(result.Findings, f => f.Subject == "account_id=acct-steady");
        Assert.Equal(mean, Figure(steady, "mean_period_difference"), 6);
        Assert.Equal(2 * (1 - StudentT.CDF(0, 1, 5, Math.Abs(mean / error))), Figure(steady, "p_value"), 9);
        Assert.Equal(Month(3, a => a == "acct-steady") + Month(4, a => a == "acct-steady") + Month(5, a => a == "acct-steady") + Month(6, a => a == "acct-steady") + Month(7, a => a == "acct-steady") + Month(8, a => a == "acct-steady"), Figure(steady, "value"));
        // The small account uses a few calls a day against thousands: it is below the rest every month.
        Assert.Equal("below", Assert.Single(result.Findings, f => f.Subject == "account_id=acct-small").Kind);
        Assert.Equal(3, result.Findings.Count);
    }

    [Fact]
    public async Task A_comparison_without_a_dimension_names_the_missing_option()
    {
        using var store = await SyntheticWorkspace.OpenAsync(SyntheticWorkspace.Events());

        var error = await Assert.ThrowsAsync<UsageLensException>(() => SyntheticWorkspace.ComputeAsync(store, "comparison", new InsightRequest(s_asOf, AccountScope.All) { Kpi = "usage", Metric = "api_call" }));

        Assert.StartsWith("--by:", error.Message, StringComparison.Ordinal);
    }

    private static double Figure(InsightFinding finding, string name) => finding.Values.Single(v => v.Name == name).Number!.Value;
}
