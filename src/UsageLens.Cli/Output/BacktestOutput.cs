using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using UsageLens.Cli.Backtest;
using UsageLens.Core.Kpis;

namespace UsageLens.Cli.Output;

/// <summary>Prints the demo backtest: one line per storyline with its precision and recall.</summary>
internal static class BacktestOutput
{
    private static readonly string[] s_columns = ["storyline", "insight", "as_of", "actual", "flagged", "hits", "found", "precision", "recall", "rule"];

    public static void Write(CliEnvironment environment, OutputFormat format, IReadOnlyList<BacktestLine> lines)
    {
        switch (format)
        {
            case OutputFormat.Json:
                foreach (var line in lines)
                {
                    environment.Out.WriteLine(JsonSerializer.Serialize(Cells(line).Zip(s_columns).ToDictionary(c => c.Second, c => (object?)Typed(c.Second, c.First))));
                }
                break;
            case OutputFormat.Csv:
                environment.Out.WriteLine(KpiCsv.Line(s_columns));
                foreach (var line in lines)
                {
                    environment.Out.WriteLine(KpiCsv.Line(Cells(line)));
                }
                break;
            default:
                // The rule is a sentence: it goes under the table, so the figures stay readable at 80 columns.
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var column in s_columns[..^1])
                {
                    table.AddColumn(column);
                }
                foreach (var line in lines)
                {
                    table.AddRow(Cells(line)[..^1].Select(c => Markup.Escape(c)).ToArray());
                }
                environment.Console.Write(table);
                foreach (var line in lines)
                {
                    environment.Console.MarkupLine($"[dim]{Markup.Escape(line.Storyline)}: {Markup.Escape(line.Rule)}[/]");
                }
                break;
        }
    }

    private static string[] Cells(BacktestLine line) =>
    [
        line.Storyline, line.Insight, line.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Count(line.Actual), Count(line.Flagged), Count(line.Hits), Count(line.Found),
        Ratio(line.Precision), Ratio(line.Recall), line.Rule,
    ];

    private static object Typed(string column, string cell) =>
        column is "actual" or "flagged" or "hits" or "found" ? int.Parse(cell, CultureInfo.InvariantCulture)
        : column is "precision" or "recall" ? double.Parse(cell, CultureInfo.InvariantCulture)
        : cell;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
