using System.Text.Json;
using UsageLens.Core;
using UsageLens.Core.Semantics;

namespace UsageLens.Insights.Tests.Intel;

public sealed class CampaignAudiencesInsightTests
{
    [Fact]
    public async Task Audiences_hold_the_accounts_their_rules_pick_as_worked_out_by_hand()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "campaign-audiences", IntelWorkspace.Request(AccountScope.All));

        // expansion-ready: d1 and d4 grew +100% (no account has 80% of its seats active). promoters: c1 and d1 (NPS +100).
        // win-back: x1 paid 300 and cancelled on 15 August. Non-adopters (as feature-gaps finds them, among customers):
        // export c2, t2, t3, t4; report c1, t1, t2, t4; api_call t4. Nobody paying is at risk (the lowest health is d2's 52.3).
        Assert.Equal([("non-adopters-export", "c2 t2 t3 t4"), ("non-adopters-report", "c1 t1 t2 t4"), ("expansion-ready", "d1 d4"), ("promoters", "c1 d1"), ("non-adopters-api_call", "t4"), ("win-back", "x1")],
            result.Findings.Select(f => (f.Subject, f.Values.Single(v => v.Name == "members").Text)));
        Assert.Equal(4, result.Findings[0].Score);
        Assert.Equal("at-risk", result.Figures.Single(f => f.Name == "empty").Text);
        Assert.Contains("x1 (paid 300 on pro, cancelled on 2026-08-15)", result.Findings[^1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_audience_by_name_and_a_partner_sees_only_its_accounts()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var result = await IntelWorkspace.ComputeAsync(store, "campaign-audiences", IntelWorkspace.Request(AccountScope.Partner("p1"), "audience=non-adopters-export"));

        // p1's active smb accounts: c1 {api, export}, c2 {api, report}, t1 {api, export}, t2 {api}. c2's peers c1, t1, t2: export 2/3;
        // t2's peers c1, c2, t1: 2/3; t4's peers all four: 2/4 = 50%. t3 (p2) is not p1's.
        var audience = Assert.Single(result.Findings);
        Assert.Equal("c2 t2 t4", audience.Values.Single(v => v.Name == "members").Text);
        Assert.DoesNotContain("\"t3\"", JsonSerializer.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_audience_names_the_nearest()
    {
        using var store = await IntelWorkspace.OpenAsync();

        var error = await Assert.ThrowsAsync<UsageLensException>(() => IntelWorkspace.ComputeAsync(store, "campaign-audiences", IntelWorkspace.Request(AccountScope.All, "audience=promoter")));

        Assert.StartsWith("option audience='promoter' is not an audience", error.Message, StringComparison.Ordinal);
        Assert.Contains("promoters", error.Message, StringComparison.Ordinal);
    }
}
