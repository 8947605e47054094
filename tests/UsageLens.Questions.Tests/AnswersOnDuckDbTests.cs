using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics;
using UsageLens.Questions.Answers;

namespace UsageLens.Questions.Tests;

/// <summary>
/// Questions answered end to end on DuckDB. October 2026: a1 (enterprise, revenue 500, Northwind)
/// made 600 API calls, a2 (smb, revenue 100) 300 and a3 (smb, revenue 50) 100: 1,000 in all.
/// </summary>
public sealed class AnswersOnDuckDbTests : IDisposable
{
    private readonly QuestionWorkspace _workspace = new();

    private async Task<QuestionWorkspace> OctoberAsync() =>
        await _workspace
            .Partner("p-northwind", "Northwind Partners")
            .Account("a1", 500, "enterprise", partner: "p-northwind", region: "EMEA", plan: "pro")
            .Account("a2", 100, "smb", region: "NA", plan: "growth")
            .Account("a3", 50, "smb", region: "NA", plan: "starter")
            .Usage("a1", "2026-10-03", 400).Usage("a1", "2026-10-20", 200)
            .Usage("a2", "2026-10-10", 300)
            .Usage("a3", "2026-10-31", 100)
            .Usage("a3", "2026-11-02", 1000)
            .FlushAsync();

    [Fact]
    public async Task The_seed_question_gives_the_total_and_the_top_20_percent_share()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("Show me the total API calls for the last month and the API calls by the top 20% of customers by revenue");

        // Top 20% of 3 accounts is ⌈0.6⌉ = 1 account, a1 by revenue: 600 of 1,000 calls.
        Assert.Equal(1000d, answer.Outcomes[0].Result!.Value);
        Assert.Equal(60d, answer.Outcomes[1].Result!.Value);
        Assert.NotEmpty(answer.Sql);
        Assert.Equal(ChartKind.Number, answer.Chart);
    }

    [Fact]
    public async Task Account_trait_values_are_words_too()
    {
        var workspace = await _workspace
            .Account("t1", 10, "smb", traitsJson: """{"industry": "Healthcare"}""")
            .Account("t2", 10, "smb", traitsJson: """{"industry": "Retail"}""")
            .Usage("t1", "2026-10-03", 7).Usage("t2", "2026-10-03", 5)
            .FlushAsync();

        var answer = await workspace.AskAsync("api calls for healthcare customers last month");

        Assert.Equal(["account.industry=Healthcare"], answer.Query.Asks[0].Where);
        Assert.Equal(7d, answer.Outcomes[0].Result!.Value);
    }

    [Fact]
    public async Task Partner_names_come_from_the_partners_table()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("api calls for Northwind's customers last month");

        Assert.Equal(600d, answer.Outcomes[0].Result!.Value);
    }

    [Fact]
    public async Task Top_2_customers_by_api_calls_lists_the_two_heaviest_accounts_as_a_table()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("top 2 customers by api calls last month");

        Assert.Equal(["a1", "a2"], answer.Outcomes[0].Result!.Accounts);
        Assert.Equal([600d, 300d], answer.Outcomes[0].Result!.Rows!.Select(r => r.Value!.Value));
        Assert.Equal(ChartKind.Table, answer.Chart);
    }

    [Fact]
    public async Task Bottom_1_by_api_calls_is_the_lightest_account()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("bottom 1 by api calls last month");

        Assert.Equal(["a3"], answer.Outcomes[0].Result!.Accounts);
    }

    [Fact]
    public async Task A_partner_scope_only_counts_the_partners_accounts()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("api calls last month", AccountScope.Partner("p-northwind"));

        Assert.Equal(600d, answer.Outcomes[0].Result!.Value);
    }

    [Fact]
    public async Task Comparing_segments_gives_one_value_per_segment()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("api calls enterprise vs smb last month");

        Assert.Equal([600d, 400d], answer.Outcomes.Select(o => o.Result!.Value!.Value));
        Assert.Equal(ChartKind.Bar, answer.Chart);
    }

    [Fact]
    public async Task A_comparison_period_runs_the_same_kpi_over_it()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("api calls this month vs last month");

        // November 1–14: a3's 1,000; October 1–14: a1's 400 and a2's 300.
        Assert.Equal(1000d, answer.Outcomes[0].Result!.Value);
        Assert.Equal(700d, answer.Outcomes[0].Compared!.Value);
    }

    [Fact]
    public async Task A_new_meter_is_understood_without_code_changes()
    {
        var workspace = await (await OctoberAsync()).Usage("a2", "2026-10-05", 7, "widget_built").FlushAsync();

        var answer = await workspace.AskAsync("how many widgets were built last month");

        Assert.Equal(7d, answer.Outcomes[0].Result!.Value);
    }

    [Fact]
    public async Task A_configured_synonym_names_a_meter()
    {
        var workspace = await OctoberAsync();
        var configuration = WorkspaceConfiguration.Empty with { QuestionSynonyms = new Dictionary<string, string> { ["hits"] = "api_call" } };

        var answer = await workspace.AskAsync("hits last month", configuration: configuration);

        Assert.Equal(1000d, answer.Outcomes[0].Result!.Value);
    }

    [Fact]
    public async Task A_buying_signals_question_is_answered_by_the_signals_insight()
    {
        var workspace = await OctoberAsync();

        var answer = await workspace.AskAsync("buying signals this month");

        // Every catalogued insight kind is computed now, so none answers "not computed yet".
        Assert.Equal("signals", answer.Outcomes[0].Ask.Insight);
        Assert.Null(answer.Outcomes[0].NotAvailable);
        Assert.Equal("signals", answer.Outcomes[0].Insight!.Insight);
    }

    [Fact]
    public async Task An_unknown_word_names_itself_and_the_nearest_meter()
    {
        var workspace = await OctoberAsync();

        var error = await Assert.ThrowsAsync<QuestionNotUnderstoodException>(() => workspace.AskAsync("cals last month"));

        Assert.StartsWith("unknown term 'cals' — did you mean 'api_call'", error.Message, StringComparison.Ordinal);
        Assert.Contains("api_call", error.Suggestions);
    }

    public void Dispose() => _workspace.Dispose();
}
