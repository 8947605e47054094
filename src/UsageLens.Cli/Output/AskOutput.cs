using Spectre.Console;
using UsageLens.Core.Kpis;
using UsageLens.Questions;
using UsageLens.Questions.Answers;
using UsageLens.Questions.Evaluation;

namespace UsageLens.Cli.Output;

/// <summary>Prints an answered question (interpretation, numbers, SQL), a refusal with suggestions, or an evaluation report.</summary>
internal static class AskOutput
{
    public static void Write(CliEnvironment environment, OutputFormat format, AskAnswer answer)
    {
        if (format == OutputFormat.Json)
        {
            environment.Out.WriteLine(AskJson.Serialize(answer));
            return;
        }
        var console = environment.Console;
        console.MarkupLine($"[bold]Understood as:[/] {Markup.Escape(answer.Query.Interpretation)}");
        foreach (var correction in answer.Query.Corrections)
        {
            console.MarkupLine($"[grey]{Markup.Escape(correction)}[/]");
        }
        console.MarkupLine($"[grey]confidence: {answer.Query.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}[/]");
        console.MarkupLine($"[grey]chart: {answer.Chart.ToString().ToLowerInvariant()}[/]");
        foreach (var outcome in answer.Outcomes)
        {
            console.WriteLine();
            if (outcome.Insight is { } insight)
            {
                InsightOutput.WriteTable(console, insight, includeSql: false);
                continue;
            }
            if (outcome.Result is null)
            {
                console.MarkupLine($"[yellow]{Markup.Escape(outcome.NotAvailable ?? "")}[/]");
                continue;
            }
            KpiOutput.WriteTable(console, KpiCatalog.Find(outcome.Result.Kpi).Definition, outcome.Result, includeSql: false);
            if (outcome.Compared is { } compared)
            {
                console.MarkupLine("[bold]Compared with:[/]");
                KpiOutput.WriteTable(console, KpiCatalog.Find(compared.Kpi).Definition, compared, includeSql: false);
            }
        }
        console.WriteLine();
        console.MarkupLine("[bold]SQL that ran:[/]");
        foreach (var sql in answer.Sql)
        {
            console.MarkupLine($"[grey]{Markup.Escape(sql)}[/]");
        }
    }

    public static void WriteRefusal(CliEnvironment environment, OutputFormat format, QuestionNotUnderstoodException refusal)
    {
        if (format == OutputFormat.Json)
        {
            environment.Out.WriteLine(AskJson.Error(refusal.Message, refusal.Suggestions, refusal.Readings));
            return;
        }
        environment.Error.WriteLine($"error: {refusal.Message}");
        foreach (var reading in refusal.Readings)
        {
            environment.Error.WriteLine($"  reading: {reading}");
        }
    }

    public static void WriteEvaluation(CliEnvironment environment, EvalReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("category").AddColumn(new TableColumn("exact").RightAligned())
            .AddColumn(new TableColumn("questions").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned());
        foreach (var (category, passed, total, percent) in report.ByCategory)
        {
            table.AddRow(Markup.Escape(category), $"{passed}", $"{total}", $"{percent:0.0}%");
        }
        table.AddRow("[bold]overall[/]", $"{report.Results.Count(r => r.Passed)}", $"{report.Results.Count}", $"[bold]{report.Overall:0.0}%[/]");
        environment.Console.Write(table);
        foreach (var failure in report.Results.Where(r => !r.Passed))
        {
            environment.Console.MarkupLine($"[red]line {failure.Case.Line}[/] {Markup.Escape(failure.Case.Question)} [grey]=> {Markup.Escape(failure.Actual)}[/]");
        }
        environment.Console.MarkupLine(report.MeetsThresholds
            ? $"[green]meets the thresholds ({EvalReport.OverallThreshold}% overall, every '{EvalReport.SpecCategory}' example)[/]"
            : $"[red]below the thresholds ({EvalReport.OverallThreshold}% overall, every '{EvalReport.SpecCategory}' example)[/]");
    }
}
