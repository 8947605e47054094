using System.Text.Json;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Accounts;

public sealed class HealthInsightTests
{
    [Fact]
    public async Task Scores_are_the_weighted_grades_worked_out_by_hand_worst_first()
    {
        using var store = await AccountsWorkspace.OpenAsync();

        var result = await AccountsWorkspace.ComputeAsync(store, "health", new InsightRequest(AccountsWorkspace.AsOf, AccountScope.All));

        // Windows: recent 2 Aug to 31 Aug, previous 3 Jul to 1 Aug; 3 meters (api_call, export, report); default weights 25/15/20/15/10/15.
        // a: trend 150/100 = +50% → 100; breadth 2/3 → 100; seats 2/4 = 50% → 50/0.85 = 58.8235; last active 21 Aug = 11 days → 100·49/53 = 92.4528;
        //    NPS 9 (promoter, +100) → 100; MRR 150 against 100 on 3 Jun → 100. (2500 + 1500 + 1176.47 + 1386.79 + 1000 + 1500) / 100 = 90.6
        // b: trend mean(50/200, 0/50) = 0.125 → 70 − 87.5 → 0; breadth 1/3 → 55.5556; seats 1/10 → 11.7647; 5 Aug = 27 days → 100·33/53 = 62.2642;
        //    NPS 3 (−100) → 0; MRR 100 against 200 → 20. (833.33 + 235.29 + 933.96 + 300) / 100 = 23.0
        // c: trend 100/100 → 70; breadth 2/3 → 100; no seats; 25 Aug = 7 days → 100; no NPS, no MRR. (1750 + 1500 + 1500) / 55 = 86.4
        // d: trend 300/100 → 100; breadth 2/3 → 100; seats 2/2 → 100; 11 Aug = 21 days → 100·39/53 = 73.5849; no NPS; new MRR → 100.
        //    (2500 + 1500 + 2000 + 1103.77 + 1500) / 90 = 95.6
        Assert.Equal([("acct-b", 23.0, "at-risk"), ("acct-c", 86.4, "healthy"), ("acct-a", 90.6, "healthy"), ("acct-d", 95.6, "healthy")],
            result.Findings.Select(f => (f.Subject, f.Score, f.Kind)));
        var b = result.Findings[0];
        Assert.Equal(11.8, b.Values.Single(v => v.Name == "seat_utilization").Number);
        Assert.Equal(62.3, b.Values.Single(v => v.Name == "login_recency").Number);
        Assert.Equal(20, b.Values.Single(v => v.Name == "mrr_movement").Number);
        Assert.Contains("seat utilisation 1 of 10 seats = 10% → 11.8/100", b.Why, StringComparison.Ordinal);
        var c = result.Findings[1];
        Assert.Null(c.Values.Single(v => v.Name == "nps").Number);
        Assert.Equal(0.55, c.Values.Single(v => v.Name == "weight_share").Number);
        Assert.Contains("renormalised over the 55% graded", c.Why, StringComparison.Ordinal);
        Assert.Equal(3, result.Figures.Single(f => f.Name == "healthy").Number);
        Assert.Equal(1, result.Figures.Single(f => f.Name == "at_risk").Number);
    }

    [Fact]
    public async Task A_partner_sees_only_its_accounts_with_the_same_scores()
    {
        using var store = await AccountsWorkspace.OpenAsync();

        var result = await AccountsWorkspace.ComputeAsync(store, "health", new InsightRequest(AccountsWorkspace.AsOf, AccountScope.Partner("p1")));

        Assert.Equal([("acct-c", 86.4), ("acct-a", 90.6)], result.Findings.Select(f => (f.Subject, f.Score)));
        var json = JsonSerializer.Serialize(result);
        Assert.DoesNotContain("acct-b", json, StringComparison.Ordinal);
        Assert.DoesNotContain("acct-d", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_scores_each_week_start_as_of_that_day()
    {
        using var store = await AccountsWorkspace.OpenAsync();
        var request = new InsightRequest(AccountsWorkspace.AsOf, AccountScope.All) { Options = new Dictionary<string, string> { ["history"] = "3" } };

        var result = await AccountsWorkspace.ComputeAsync(store, "health", request);

        // 1 September 2026 is a Tuesday: the last three Monday week starts are 17, 24 and 31 August.
        Assert.Equal(["2026-08-17", "2026-08-24", "2026-08-31"], result.Series.Select(p => p.Label));
        var weekly = await AccountsWorkspace.ComputeAsync(store, "health", new InsightRequest(new DateOnly(2026, 8, 24), AccountScope.All));
        var a = weekly.Findings.Single(f => f.Subject == "acct-a").Score;
        Assert.Contains($"2026-08-24 {a:0.#}", result.Findings.Single(f => f.Subject == "acct-a").Values.Single(v => v.Name == "history").Text, StringComparison.Ordinal);
        Assert.Equal(Math.Round(weekly.Findings.Average(f => f.Score), 1), result.Series[1].Value);
    }

    [Fact]
    public async Task Removing_everything_on_or_after_the_as_of_day_changes_nothing()
    {
        using var full = await AccountsWorkspace.OpenAsync();
        using var truncated = await AccountsWorkspace.OpenAsync(AccountsWorkspace.AsOf);
        foreach (var insight in new[] { "health", "upsell" })
        {
            var request = new InsightRequest(AccountsWorkspace.AsOf, AccountScope.All)
            {
                Options = insight == "health" ? new Dictionary<string, string> { ["history"] = "2" } : new Dictionary<string, string> { ["min-peers"] = "2" },
            };

            var fromFull = JsonSerializer.Serialize(await AccountsWorkspace.ComputeAsync(full, insight, request));
            var fromTruncated = JsonSerializer.Serialize(await AccountsWorkspace.ComputeAsync(truncated, insight, request));

            Assert.Equal(fromTruncated, fromFull);
        }
    }

    [Fact]
    public void Week_starts_follow_the_configured_first_day()
    {
        Assert.Equal([new DateOnly(2026, 8, 23), new DateOnly(2026, 8, 30)], HealthInsightWeeks(new DateOnly(2026, 9, 1), DayOfWeek.Sunday, 2));
        Assert.Equal([new DateOnly(2026, 8, 31)], HealthInsightWeeks(new DateOnly(2026, 8, 31), DayOfWeek.Monday, 1));
    }

    private static IReadOnlyList<DateOnly> HealthInsightWeeks(DateOnly asOf, DayOfWeek start, int weeks) => Health.HealthInsight.WeekStarts(asOf, start, weeks);
}
