using System.Text.Json;
using UsageLens.Core;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Workspaces;

public sealed class AsOfTruncationTests
{
    private static readonly DateOnly s_asOf = new(2026, 9, 1);

    public static readonly TheoryData<string, string?> Asks = new()
    {
        { "anomalies", null },
        { "anomalies", "usage" },
        { "trend", "usage" },
        { "trend", "top-customer-share" },
        { "comparison", "usage" },
    };

    [Theory]
    [MemberData(nameof(Asks))]
    public async Task Removing_every_event_on_or_after_the_as_of_day_changes_nothing(string insight, string? kpi)
    {
        var events = SyntheticWorkspace.Events();
        using var full = await SyntheticWorkspace.OpenAsync(events);
        using var truncated = await SyntheticWorkspace.OpenAsync(events.Where(e => DateOnly.FromDateTime(e.Timestamp) < s_asOf).ToList());
        var series = insight is "trend" or "comparison";
        var request = new InsightRequest(s_asOf, AccountScope.All)
        {
            Kpi = kpi,
            Metric = "api_call",
            Dimension = insight == "comparison" ? "account_id" : null,
            Grain = series ? "week" : null,
            Period = series ? "last-12-weeks" : null,
        };

        var fromFull = JsonSerializer.Serialize(await SyntheticWorkspace.ComputeAsync(full, insight, request));
        var fromTruncated = JsonSerializer.Serialize(await SyntheticWorkspace.ComputeAsync(truncated, insight, request));

        Assert.Equal(fromTruncated, fromFull);
        Assert.DoesNotContain("2026-09-09", fromFull, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_reaches_the_as_of_day_is_refused()
    {
        using var store = await SyntheticWorkspace.OpenAsync(SyntheticWorkspace.Events());
        var request = new InsightRequest(s_asOf, AccountScope.All) { Kpi = "usage", Metric = "api_call", Grain = "day", Period = "today" };

        var error = await Assert.ThrowsAsync<UsageLensException>(() => SyntheticWorkspace.ComputeAsync(store, "trend", request));

        Assert.Contains("reaches the as-of day 2026-09-01", error.Message, StringComparison.Ordinal);
    }
}
