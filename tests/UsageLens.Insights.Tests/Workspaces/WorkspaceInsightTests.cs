using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Workspaces;

public sealed class WorkspaceInsightTests
{
    private static readonly DateOnly s_asOf = new(2026, 9, 1);

    [Fact]
    public async Task Anomalies_finds_the_spike_and_the_outage_and_nothing_in_the_sparse_account()
    {
        using var store = await SyntheticWorkspace.OpenAsync(SyntheticWorkspace.Events());

        var result = await SyntheticWorkspace.ComputeAsync(store, "anomalies", new InsightRequest(s_asOf, AccountScope.All) { Metric = "api_call" });

        var found = result.Findings.Select(f => (f.Subject, f.Kind, Day: f.Values.Single(v => v.Name == "day").Text, Direction: f.Values.Single(v => v.Name == "direction").Text)).ToList();
        Assert.Equal(
            [("acct-steady", "anomaly", "2026-07-15", "spike"), ("acct-growing", "anomaly", "2026-08-12", "drop")],
            found.OrderBy(f => f.Day, StringComparer.Ordinal).Select(f => (f.Subject, f.Kind, f.Day, f.Direction)).ToList<(string, string, string?, string?)>());
        Assert.Equal(3, result.Figures.Single(f => f.Name == "series_scanned").Number);
    }

    [Fact]
    public async Task Workspace_anomalies_scan_a_kpis_daily_series_as_one_subject()
    {
        using var store = await SyntheticWorkspace.OpenAsync(SyntheticWorkspace.Events());

        var result = await SyntheticWorkspace.ComputeAsync(store, "anomalies", new InsightRequest(s_asOf, AccountScope.All) { Kpi = "usage", Metric = "api_call" });

        // The tenfold day of the steady account lifts the whole workspace's calls that day.
        var spike = Assert.Single(result.Findings, f => f.Values.Single(v => v.Name == "day").Text == "2026-07-15");
        Assert.Equal("workspace", spike.Subject);
        Assert.Equal("usage(api_call)", spike.Values.Single(v => v.Name == "metric").Text);
        Assert.Equal(1, result.Figures.Single(f => f.Name == "series_scanned").Number);
    }

    [Fact]
    public async Task Trend_of_monthly_usage_is_the_monthly_sums_and_their_least_squares_slope()
    {
        var events = SyntheticWorkspace.Events();
        using var store = await SyntheticWorkspace.OpenAsync(events);

        var result = await SyntheticWorkspace.ComputeAsync(store, "trend", new InsightRequest(s_asOf, AccountScope.All) { Kpi = "usage", Metric = "api_call" });

        // last-6-months as of 1 September is March to August; each month's sum straight from the events.
        var months = Enumerable.Range(3, 6).Select(m => events.Where(e => e.Timestamp.Month == m).Sum(e => e.Quantity)).ToList();
        Assert.Equal(months, result.Series.Select(p => p.Value!.Value));
        Assert.Equal(["2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01"], result.Series.Select(p => p.Label));
        var meanX = 2.5;
        var meanY = months.Average();
        var slope = months.Select((y, x) => (x - meanX) * (y - meanY)).Sum() / Enumerable.Range(0, 6).Sum(x => (x - meanX) * (x - meanX));
        Assert.Equal(slope, result.Figures.Single(f => f.Name == "slope").Number!.Value, 6);
        Assert.Equal(months[5] - months[0], result.Figures.Single(f => f.Name == "change").Number);
        Assert.Equal(months[5] - months[4], result.Figures.Single(f => f.Name == "last_period_change").Number);
        Assert.StartsWith("usage of api_call rose ", result.Summary, StringComparison.Ordinal);
    }
}
