using UsageLens.Core.Kpis;

namespace UsageLens.Cli.Tests;

/// <summary>The CSV writer: RFC 4180 quoting, and text a spreadsheet would run as a formula written inert.</summary>
public sealed class KpiCsvTests
{
    [Theory]
    [InlineData(new[] { "plain", "a,b", "say \"hi\"", "two\nlines" }, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"")]
    [InlineData(new[] { "=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-2+3" }, "\"'=HYPERLINK(\"\"http://x\"\")\",'+1+1,'@SUM(A1),'-2+3")]
    [InlineData(new[] { "-3.5", "+7", "1E-05", "-" }, "-3.5,+7,1E-05,'-")]
    public void Cells_are_quoted_and_formulas_made_inert(string[] cells, string expected) =>
        Assert.Equal(expected, KpiCsv.Line(cells));

    [Fact]
    public void A_missing_cell_is_empty() => Assert.Equal("a,,b", KpiCsv.Line(["a", null, "b"]));
}
