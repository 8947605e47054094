using System.Text.Json;
using UsageLens.Core;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Questions.Answers;

namespace UsageLens.Questions.Tests;

public sealed class AskJsonTests
{
    private static readonly Period s_october = new(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Period s_september = new(new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void An_answer_is_written_as_cli_md_shows_it()
    {
        var usage = new QueryAsk { Kpi = "usage", Metric = "api_call", From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 11, 1), CompareFrom = new DateOnly(2026, 9, 1), CompareTo = new DateOnly(2026, 10, 1) };
        var churn = new QueryAsk { Insight = "churn-risk" };
        var query = new StructuredQuery("api calls in october vs september", [usage, churn], "api_call · sum · 2026-10-01 to 2026-11-01 — compared");
        var answer = new AskAnswer(query,
        [
            new AskOutcome(usage, new KpiResult("usage", "api_call", s_october, 100, "count", []) { Sql = ["SELECT 1"] }, new KpiResult("usage", "api_call", s_september, 80, "count", []) { Sql = ["SELECT 2"] }, null),
            new AskOutcome(churn, null, null, "churn-risk is not available yet"),
        ], ChartKind.Number);

        // Written by hand: the relaxed encoder keeps "·" and "—"; empty corrections and ignored words are left out,
        // an insight answer has only its own three fields, sql lists every statement.
        Assert.Equal(
            """{"question":"api calls in october vs september","interpretation":"api_call · sum · 2026-10-01 to 2026-11-01 — compared","confidence":1,"read_by":"parser","chart":"number","""
            + """
            "asks":[{"kpi":"usage","metric":"api_call","from":"2026-10-01","to":"2026-11-01","compare_from":"2026-09-01","compare_to":"2026-10-01"},{"insight":"churn-risk"}],
            """.TrimEnd()
            + """
            "answers":[{"kpi":"usage","metric":"api_call","from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","value":100,"unit":"count","compared":{"kpi":"usage","metric":"api_call","from":"2026-09-01T00:00:00Z","to":"2026-10-01T00:00:00Z","value":80,"unit":"count"}},
            """.TrimEnd()
            + """
            {"insight":"churn-risk","status":"not available yet","message":"churn-risk is not available yet"}],"sql":["SELECT 1","SELECT 2"]}
            """,
            AskJson.Serialize(answer));
    }

    [Fact]
    public void Ignored_words_and_the_confidence_are_written_beside_the_interpretation()
    {
        var usage = new QueryAsk { Kpi = "usage", Metric = "api_call", From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 11, 1) };
        var query = new StructuredQuery("hey api calls last month", [usage], "api_call · sum · 2026-10-01 to 2026-11-01 · all accounts · ignored: hey") { Ignored = ["hey"], Confidence = 0.8 };
        var answer = new AskAnswer(query, [new AskOutcome(usage, new KpiResult("usage", "api_call", s_october, 100, "count", []), null, null)], ChartKind.Number);

        var json = AskJson.Serialize(answer);

        Assert.Contains("""ignored: hey","ignored":["hey"],"confidence":0.8,"read_by":"parser",""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_lists_suggestions_always_and_readings_only_when_there_are_some()
    {
        Assert.Equal("""{"error":"unknown term 'cals'","suggestions":["calls"]}""", AskJson.Error("unknown term 'cals'", ["calls"], []));
        Assert.Equal("""{"error":"ambiguous","suggestions":[],"readings":["a","b"]}""", AskJson.Error("ambiguous", [], ["a", "b"]));
    }

    [Fact]
    public void An_ask_written_as_json_reads_back_as_the_same_ask()
    {
        var ask = new QueryAsk { Kpi = "usage", Metric = "api_call", From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 11, 1), GroupBy = ["segment"], Where = ["region=emea"], Top = "20%" };

        using var json = JsonDocument.Parse(QueryAskJson.Write(ask));

        Assert.True(QueryAskJson.Read(json.RootElement, "ask").SameAs(ask));
    }

    [Theory]
    [InlineData("""{"kpi": 1}""", "ask.kpi: must be a string")]
    [InlineData("""{"group_by": "segment"}""", "ask.group_by: must be an array of strings")]
    [InlineData("""{"where": ["a", null]}""", "ask.where: must be an array of strings")]
    [InlineData("""{"from": "2026-10-32"}""", "ask.from: '2026-10-32' must be a date YYYY-MM-DD")]
    [InlineData("""{"sql": "DROP TABLE events"}""", "ask.sql: unknown key; an ask has kpi, insight, metric, from, to, as_of, grain, group_by, where, top, bottom, rank_by, top_where, options, variant, compare_from, compare_to")]
    public void A_malformed_ask_is_refused_naming_the_key(string text, string message)
    {
        using var json = JsonDocument.Parse(text);

        Assert.Equal(message, Assert.Throws<UsageLensException>(() => QueryAskJson.Read(json.RootElement, "ask")).Message);
    }
}
