using System.Text.Json;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Intel;

public sealed class OutreachInsightTests
{
    [Fact]
    public async Task Survey_targets_are_silent_or_changing_active_accounts_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "survey-targets", IntelWorkspace.Request(AccountScope.All));
        var tuned = await IntelWorkspace.ComputeAsync(store, "survey-targets", IntelWorkspace.Request(AccountScope.All, "quiet-days=30", "change=1"));

        // Active 2–31 Aug: all but t4. Never answered within 365 days: c3, t1, t2, t3, d3 (its answer is after as-of) → 50.
        // c1 answered 184 days ago → 50 · 184/365 = 25.2. d1 and d4 grew +100% ≥ 50% → 50 · min(1, 1/1) = 50.
        Assert.Equal([("c3", 50.0, "no-recent-answer"), ("d1", 50.0, "usage-change"), ("d3", 50.0, "no-recent-answer"), ("d4", 50.0, "usage-change"),
            ("t1", 50.0, "no-recent-answer"), ("t2", 50.0, "no-recent-answer"), ("t3", 50.0, "no-recent-answer"), ("c1", 25.2, "no-recent-answer")],
            result.Findings.Select(f => (f.Subject, f.Score, f.Kind)));
        // Quiet from 30 days: c2 (31 days → 4.2) and d4 (62 → 8.5) join; a change of 100% is at the threshold: 50 · min(1, 1/2) = 25.
        Assert.Equal([("d4", 33.5), ("c1", 25.2), ("d1", 25.0), ("c2", 4.2)], tuned.Findings.Where(f => f.Score < 50).Select(f => (f.Subject, f.Score)));
    }

    [Fact]
    public async Task References_are_healthy_heavy_promoters_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "references", IntelWorkspace.Request(AccountScope.All));
        var lower = await IntelWorkspace.ComputeAsync(store, "references", IntelWorkspace.Request(AccountScope.All, "health=60"));

        // c1: health (trend skipped: no July usage) breadth 2/3 → 100 (w15), seats 2/5 → 47.06 (w20), last active 11 Aug, 21 days → 73.58 (w15),
        //     NPS +100 → 100 (w10), MRR new since the trial → 100 (w15): 6044.95 / 75 = 80.6. NPS 10 on 1 March → 100.
        //     Percentiles among the 6 other smb: api_call 200 → 3.5/6, export 2 → 6/6, report 0 → 1.5/6; mean 0.6111.
        //     Score (80.6 + 100 + 61.11) / 3 = 80.6.
        // d1: health 100·25 + 55.56·15 + 11.76·20 + 90.57·15 + 100·10 + 70·15 = 69.8, under 70; percentile 1, NPS +100 → (69.8 + 100 + 100) / 3 = 89.9.
        // c2 (2) and d2 (5) are detractors, d4 (8) a passive.
        Assert.Equal([("c1", 80.6)], result.Findings.Select(f => (f.Subject, f.Score)));
        Assert.Equal([("d1", 89.9), ("c1", 80.6)], lower.Findings.Select(f => (f.Subject, f.Score)));
        Assert.Equal(69.8, lower.Findings[0].Values.Single(v => v.Name == "health").Number);
    }

    [Fact]
    public async Task A_partner_gets_references_and_survey_targets_among_its_own_accounts()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var references = await IntelWorkspace.ComputeAsync(store, "references", IntelWorkspace.Request(AccountScope.Partner("p1"), "health=60"));
        var survey = await IntelWorkspace.ComputeAsync(store, "survey-targets", IntelWorkspace.Request(AccountScope.Partner("p2")));

        // c1 among p1's smb accounts c2, t1, t2, t4: api_call 200 → 2/4, export 2 → 4/4, report 0 → 1.5/4; mean 0.625 → (80.6 + 100 + 62.5) / 3 = 81.0.
        Assert.Equal([("d1", 89.9), ("c1", 81.0)], references.Findings.Select(f => (f.Subject, f.Score)));
        Assert.Equal(["c3", "d3", "t3"], survey.Findings.Select(f => f.Subject));
        Assert.DoesNotContain("\"c1\"", JsonSerializer.Serialize(survey), StringComparison.Ordinal);
    }
}
