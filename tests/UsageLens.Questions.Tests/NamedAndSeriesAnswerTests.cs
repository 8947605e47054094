using UsageLens.Insights;

namespace UsageLens.Questions.Tests;

/// <summary>
/// Questions that name an account by its CRM name, and trends and comparisons, answered on DuckDB:
/// the names come from the workspace's accounts table and the series from the insights engine.
/// a1 ("Acme Robotics GmbH", enterprise) made 100, 200, ..., 600 API calls on the 10th of May to
/// October 2026; a2 ("Bluefin Analytics", smb) made 50 on each of those days.
/// </summary>
public sealed class NamedAndSeriesAnswerTests : IDisposable
{
    private readonly QuestionWorkspace _workspace = new();

    private async Task<QuestionWorkspace> RisingAsync()
    {
        _workspace.Account("a1", 500, "enterprise", name: "Acme Robotics GmbH").Account("a2", 100, "smb", name: "Bluefin Analytics");
        for (var month = 5; month <= 10; month++)
        {
            _workspace.Usage("a1", $"2026-{month:00}-10", 100 * (month - 4)).Usage("a2", $"2026-{month:00}-10", 50);
        }
        return await _workspace.FlushAsync();
    }

    [Fact]
    public async Task An_account_named_without_its_legal_form_is_read_from_the_accounts_table()
    {
        var workspace = await RisingAsync();

        var answer = await workspace.AskAsync("api calls for Acme Robotics last month");

        Assert.Equal(["account_id=a1"], answer.Query.Asks[0].Where);
        Assert.Equal(600d, answer.Outcomes[0].Result!.Value);
    }

    [Fact]
    public async Task How_api_calls_changed_is_the_trend_insight_over_the_months_asked()
    {
        var workspace = await RisingAsync();

        var answer = await workspace.AskAsync("how have api calls changed over the last 6 months");

        // Monthly totals 150, 250, ..., 650 for May to October: a straight line rising 100 a month.
        var insight = Assert.IsType<InsightResult>(answer.Outcomes[0].Insight);
        Assert.Equal("trend", insight.Insight);
        Assert.Equal(new DateOnly(2026, 11, 1), insight.AsOf);
        Assert.Equal(6, Figure(insight, "points"));
        Assert.Equal(150, Figure(insight, "first"));
        Assert.Equal(650, Figure(insight, "last"));
        Assert.Equal(100, Figure(insight, "slope")!.Value, 6);
    }

    [Fact]
    public async Task A_trend_of_the_top_share_follows_the_top_asked_not_the_default()
    {
        var workspace = await RisingAsync();

        var answer = await workspace.AskAsync("how has the share of api calls from the top 2 accounts changed over the last 6 months");

        // Both accounts are the top 2, so every month's share is 100%; the default top 20% (a1 alone)
        // would give 100/150 = 66.7% in May rising to 600/650 = 92.3% in October.
        var insight = Assert.IsType<InsightResult>(answer.Outcomes[0].Insight);
        Assert.Equal("trend", insight.Insight);
        Assert.Equal(100, Figure(insight, "first")!.Value, 6);
        Assert.Equal(100, Figure(insight, "last")!.Value, 6);
    }

    [Fact]
    public async Task Compare_enterprise_vs_smb_is_the_comparison_insight_by_segment()
    {
        var workspace = await RisingAsync();

        var answer = await workspace.AskAsync("compare api calls enterprise vs smb between May and October by month");

        var insight = Assert.IsType<InsightResult>(answer.Outcomes[0].Insight);
        Assert.Equal("comparison", insight.Insight);
        Assert.Equal("segment", insight.Figures.Single(f => f.Name == "by").Text);
        Assert.Equal(2, Figure(insight, "values_compared"));
    }

    [Fact]
    public async Task A_partner_reads_a_name_it_shares_with_another_partners_account_as_its_own()
    {
        // "Summit" alone names two accounts of the workspace, one per partner.
        _workspace.Account("s1", 100, "smb", partner: "p-north", name: "Summit Health").Account("s2", 100, "smb", partner: "p-south", name: "Summit Logistics");
        _workspace.Usage("s1", "2026-10-10", 7).Usage("s2", "2026-10-10", 9);
        var workspace = await _workspace.FlushAsync();

        var answer = await workspace.AskAsync("api calls for Summit in October 2026", Core.Semantics.AccountScope.Partner("p-north"));
        var refusal = await Assert.ThrowsAsync<QuestionNotUnderstoodException>(() => workspace.AskAsync("api calls for Summit in October 2026"));

        Assert.Equal(["account_id=s1"], answer.Query.Asks[0].Where);
        Assert.Equal(7d, answer.Outcomes[0].Result!.Value);
        Assert.True(refusal.IsAmbiguous);
        // Naming the other partner's account in full never reads it, whatever the parser makes of the rest.
        var other = await workspace.AskAsync("api calls for Summit Logistics in October 2026", Core.Semantics.AccountScope.Partner("p-north"));
        Assert.DoesNotContain(other.Query.Asks.SelectMany(a => a.Where), w => w.Contains("s2", StringComparison.Ordinal));
        Assert.NotEqual(9d, other.Outcomes[0].Result!.Value);
    }

    [Fact]
    public async Task A_user_named_by_e_mail_or_full_name_filters_on_their_id_and_only_within_the_partner()
    {
        _workspace.Account("n1", 100, "smb", partner: "p-north", name: "Northwind").Account("s1", 100, "smb", partner: "p-south", name: "Southwind");
        _workspace.User("u-17", "n1", "jane@northwind.example", """{"name": "Jane Doe"}""").User("u-18", "s1", "john@southwind.example", """{"name": "John Roe"}""");
        _workspace.Usage("n1", "2026-10-10", 4, user: "u-17").Usage("n1", "2026-10-11", 3).Usage("s1", "2026-10-10", 9, user: "u-18");
        var workspace = await _workspace.FlushAsync();

        var byName = await workspace.AskAsync("api calls by Jane Doe in October 2026");
        var byEmail = await workspace.AskAsync("api calls for jane@northwind.example in October 2026", Core.Semantics.AccountScope.Partner("p-north"));
        var foreign = await workspace.AskAsync("api calls for John Roe in October 2026", Core.Semantics.AccountScope.Partner("p-north"));

        Assert.Equal(["user_id=u-17"], byName.Query.Asks[0].Where);
        Assert.Equal(4d, byName.Outcomes[0].Result!.Value);
        Assert.Equal(["user_id=u-17"], byEmail.Query.Asks[0].Where);
        // Another partner's user is not in this partner's vocabulary: the words are left out, never read as u-18.
        Assert.DoesNotContain(foreign.Query.Asks.SelectMany(a => a.Where), w => w.Contains("u-18", StringComparison.Ordinal));
        Assert.Equal(7d, foreign.Outcomes[0].Result!.Value);
    }

    private static double? Figure(InsightResult insight, string name) => insight.Figures.Single(f => f.Name == name).Number;

    public void Dispose() => _workspace.Dispose();
}
