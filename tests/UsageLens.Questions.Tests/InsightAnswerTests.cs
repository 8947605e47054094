using System.Globalization;
using System.Text.Json;
using UsageLens.Core.Semantics;
using UsageLens.Questions.Answers;

namespace UsageLens.Questions.Tests;

/// <summary>
/// Insight questions answered on DuckDB by the insights engine. From 16 September to 14 November 2026
/// a1 (partner p-northwind) and a2 (no partner) each made 100 API calls a day, except a1's 500 on
/// 20 October and 1,000 on 10 November and a2's 900 on 11 November. A flat series has level 100, no
/// weekday profile, no trend and the floor spread 10 (10% of the level; its MAD is 0), so the robust
/// z-scores are (1,000 − 100) / 10 = 90, (900 − 100) / 10 = 80 and (500 − 100) / 10 = 40.
/// </summary>
public sealed class InsightAnswerTests : IDisposable
{
    private readonly QuestionWorkspace _workspace = new();

    private async Task<QuestionWorkspace> SpikesAsync()
    {
        _workspace.Partner("p-northwind", "Northwind Partners")
            .Account("a1", 500, "enterprise", partner: "p-northwind")
            .Account("a2", 100, "smb");
        for (var day = new DateOnly(2026, 9, 16); day < DemoVocabulary.AsOf; day = day.AddDays(1))
        {
            var label = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _workspace.Usage("a1", label, label switch { "2026-10-20" => 500, "2026-11-10" => 1000, _ => 100 });
            _workspace.Usage("a2", label, label == "2026-11-11" ? 900 : 100);
        }
        return await _workspace.FlushAsync();
    }

    [Fact]
    public async Task The_interpretation_names_the_insight_and_does_not_call_a_computed_one_unavailable()
    {
        var workspace = await SpikesAsync();

        var answer = await workspace.AskAsync("any unusual spikes in api calls?");

        Assert.Equal("insights: anomalies(api_call) · anomalies · as of 2026-11-15 · all accounts", answer.Query.Interpretation);
    }

    [Fact]
    public async Task Unusual_spikes_in_api_calls_are_the_anomaly_scans_findings_strongest_first()
    {
        var workspace = await SpikesAsync();

        var answer = await workspace.AskAsync("any unusual spikes in api calls?");

        var insight = Assert.IsType<Insights.InsightResult>(answer.Outcomes[0].Insight);
        Assert.Equal("anomalies", insight.Insight);
        Assert.Equal(DemoVocabulary.AsOf, insight.AsOf);
        Assert.Equal(
            [("a1", "2026-11-10", 90.0), ("a2", "2026-11-11", 80.0), ("a1", "2026-10-20", 40.0)],
            insight.Findings.Select(f => (f.Subject, Day(f), f.Score)));
        Assert.All(insight.Findings, f => Assert.Equal("anomaly", f.Kind));
        Assert.NotEmpty(answer.Sql);
    }

    [Fact]
    public async Task A_partner_asking_sees_only_its_own_accounts_findings()
    {
        var workspace = await SpikesAsync();

        var answer = await workspace.AskAsync("any unusual spikes in api calls?", AccountScope.Partner("p-northwind"));

        Assert.Equal([("a1", "2026-11-10"), ("a1", "2026-10-20")], answer.Outcomes[0].Insight!.Findings.Select(f => (f.Subject, Day(f))));
        Assert.DoesNotContain("a2", AskJson.Serialize(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_keeps_the_findings_from_its_start_and_the_history_before_it_still_teaches_the_baseline()
    {
        var workspace = await SpikesAsync();

        var answer = await workspace.AskAsync("anomalies in api calls this month");

        // This month is 1 to 15 November: 20 October is before it.
        Assert.Equal([("a1", "2026-11-10"), ("a2", "2026-11-11")], answer.Outcomes[0].Insight!.Findings.Select(f => (f.Subject, Day(f))));
    }

    [Fact]
    public async Task The_answers_json_carries_the_insight_result_in_the_insights_contract()
    {
        var workspace = await SpikesAsync();

        using var json = JsonDocument.Parse(AskJson.Serialize(await workspace.AskAsync("any unusual spikes in api calls?")));

        var answer = json.RootElement.GetProperty("answers")[0];
        Assert.Equal("anomalies", answer.GetProperty("insight").GetString());
        Assert.Equal("2026-11-15", answer.GetProperty("as_of").GetString());
        var first = answer.GetProperty("findings")[0];
        Assert.Equal("a1", first.GetProperty("subject").GetString());
        Assert.Equal(90.0, first.GetProperty("score").GetDouble());
        Assert.Contains("api_call on 2026-11-10 was 1,000 where 100 was expected", first.GetProperty("why").GetString(), StringComparison.Ordinal);
        // The SQL is listed once, in the answer's sql.
        Assert.Empty(answer.GetProperty("sql").EnumerateArray());
        Assert.NotEmpty(json.RootElement.GetProperty("sql").EnumerateArray());
    }

    private static string Day(Insights.InsightFinding finding) => finding.Values.Single(v => v.Name == "day").Text!;

    public void Dispose() => _workspace.Dispose();
}
