using System.Text.Json;

namespace UsageLens.Insights.Tests;

public sealed class InsightJsonTests
{
    [Fact]
    public void A_result_is_written_in_snake_case_without_nulls_and_with_readable_words()
    {
        var result = new InsightResult("trend", new DateOnly(2026, 9, 1), "OLS × index", "usage rose")
        {
            Figures = [InsightValue.Of("slope", 1.5), InsightValue.Of("unit", "calls")],
            Series = [new InsightPoint("2026-08-01", null)],
            Findings = [new InsightFinding("acct-1", "anomaly", 9.5, "it's high") { Values = [InsightValue.Of("day", "2026-08-03")] }],
        };

        var json = InsightJson.Serialize(result);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("2026-09-01", root.GetProperty("as_of").GetString());
        Assert.Equal(1.5, root.GetProperty("figures")[0].GetProperty("number").GetDouble());
        Assert.False(root.GetProperty("figures")[0].TryGetProperty("text", out _));
        Assert.False(root.GetProperty("series")[0].TryGetProperty("value", out _));
        Assert.Equal("2026-08-03", root.GetProperty("findings")[0].GetProperty("values")[0].GetProperty("text").GetString());
        Assert.Contains("OLS × index", json, StringComparison.Ordinal);
        Assert.Contains("it's high", json, StringComparison.Ordinal);
    }
}
