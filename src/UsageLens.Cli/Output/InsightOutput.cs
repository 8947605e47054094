using Spectre.Console;
using UsageLens.Insights;

namespace UsageLens.Cli.Output;

/// <summary>Prints an insight's result as tables: its summary, series, findings (subject, kind, score, why), figures and method.</summary>
internal static class InsightOutput
{
    public static void WriteTable(IAnsiConsole console, InsightResult result, bool includeSql)
    {
        console.MarkupLine($"[bold]{Markup.Escape(result.Insight)}[/] as of {result.AsOf:yyyy-MM-dd}: {Markup.Escape(result.Summary)}");
        if (result.Series.Count > 0)
        {
            var series = new Table().Border(TableBorder.Rounded).AddColumn("period").AddColumn(new TableColumn("value").RightAligned());
            foreach (var point in result.Series)
            {
                series.AddRow(Markup.Escape(point.Label), Markup.Escape(Number(point.Value) ?? "-"));
            }
            console.Write(series);
        }
        if (result.Findings.Count > 0)
        {
            var findings = new Table().Border(TableBorder.Rounded).AddColumn("subject").AddColumn("kind").AddColumn(new TableColumn("score").RightAligned()).AddColumn("why");
            foreach (var finding in result.Findings)
            {
                findings.AddRow(Markup.Escape(finding.Subject), Markup.Escape(finding.Kind), Markup.Escape(Number(finding.Score) ?? ""), Markup.Escape(finding.Why));
            }
            console.Write(findings);
        }
        var figures = new Table().Border(TableBorder.Simple).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var figure in result.Figures)
        {
            figures.AddRow(Markup.Escape(figure.Name), Markup.Escape(Text(figure) ?? "-"));
        }
        console.Write(figures);
        console.MarkupLine($"[dim]Method: {Markup.Escape(result.Method)}[/]");
        if (includeSql)
        {
            foreach (var statement in result.Sql)
            {
                console.WriteLine(statement);
            }
        }
    }

    public static string? Text(InsightValue value) => InsightCsv.Text(value);

    public static string? Number(double? value) => InsightCsv.Number(value);
}
