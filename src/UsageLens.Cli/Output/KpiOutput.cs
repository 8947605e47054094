using System.Globalization;
using Spectre.Console;
using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;

namespace UsageLens.Cli.Output;

/// <summary>Prints KPI results as a Spectre.Console table, as cli.md's JSON, or as CSV.</summary>
internal static class KpiOutput
{
    public static void Write(CliEnvironment environment, OutputFormat format, KpiDefinition definition, KpiResult result, bool includeSql)
    {
        switch (format)
        {
            case OutputFormat.Json:
                environment.Out.WriteLine(KpiJson.Serialize(result, includeSql));
                break;
            case OutputFormat.Csv:
                KpiCsv.Write(environment.Out, result);
                break;
            default:
                WriteTable(environment.Console, definition, result, includeSql);
                break;
        }
    }

    public static void WriteList(CliEnvironment environment, OutputFormat format, WorkspaceConfiguration configuration)
    {
        if (format == OutputFormat.Table)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("KPI").AddColumn("What it is").AddColumn("Formula");
            foreach (var kpi in KpiCatalog.All)
            {
                table.AddRow(Markup.Escape(kpi.Definition.Name), Markup.Escape(kpi.Definition.Title), Markup.Escape(FormulaWithOptions(kpi.Definition)));
            }
            environment.Console.Write(table);
            WriteCustomMetrics(environment, configuration);
            return;
        }
        foreach (var kpi in KpiCatalog.All)
        {
            environment.Out.WriteLine(format == OutputFormat.Json
                ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["kpi"] = kpi.Definition.Name,
                    ["title"] = kpi.Definition.Title,
                    ["formula"] = kpi.Definition.Formula,
                    ["options"] = kpi.Definition.Options.ToDictionary(o => o.Name, o => o.Description),
                    ["synonyms"] = kpi.Definition.Synonyms.Select(s => s.Phrase).ToList(),
                    ["metric"] = MetricUse(kpi.Definition.MetricRole),
                })
                : KpiCsv.Line([kpi.Definition.Name, kpi.Definition.Title, FormulaWithOptions(kpi.Definition)]));
        }
        foreach (var metric in configuration.Metrics.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var what = $"custom metric from {configuration.Source}, for usage --metric {metric.Name} ({metric.Unit})";
            environment.Out.WriteLine(format == OutputFormat.Json
                ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["custom_metric"] = metric.Name,
                    ["source"] = configuration.Source,
                    ["unit"] = metric.Unit,
                    ["definition"] = metric.Definition,
                    ["description"] = metric.Description,
                })
                : KpiCsv.Line([metric.Name, metric.Description ?? what, metric.Definition]));
        }
    }

    // Custom metrics are values of the usage KPI, so they get their own section after the KPIs.
    private static void WriteCustomMetrics(CliEnvironment environment, WorkspaceConfiguration configuration)
    {
        if (configuration.Metrics.Count == 0)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Custom metrics from {Markup.Escape(configuration.Source ?? "the configuration")}[/] (usage --metric NAME)")
            .AddColumn("Metric").AddColumn("Unit").AddColumn("Definition").AddColumn("Description");
        foreach (var metric in configuration.Metrics.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(metric.Name), Markup.Escape(metric.Unit), Markup.Escape(metric.Definition), Markup.Escape(metric.Description ?? ""));
        }
        environment.Console.Write(table);
    }

    // How the KPI takes --metric, as "kpi --list --format json" says it: measured, option:feature or none.
    private static string MetricUse(KpiMetricRole role) => role.Use switch
    {
        KpiMetricUse.Measured => "measured",
        KpiMetricUse.Option => $"option:{role.Option}",
        _ => "none",
    };

    private static string FormulaWithOptions(KpiDefinition definition) =>
        definition.Options.Count == 0
            ? definition.Formula
            : $"{definition.Formula}. Options: {string.Join("; ", definition.Options.Select(o => $"{o.Name}: {o.Description}"))}";

    internal static void WriteTable(IAnsiConsole console, KpiDefinition definition, KpiResult result, bool includeSql)
    {
        var subject = result.Metric is null ? "" : $" · {result.Metric}";
        console.MarkupLine($"[bold]{Markup.Escape(definition.Title)}[/]{Markup.Escape(subject)} · {Markup.Escape(result.Period.ToString())}");
        var headline = $"[bold green]{Markup.Escape(Number(result.Value, result.Unit))}[/]";
        if (result.Previous is { } previous)
        {
            headline += $"  [grey](previous {Markup.Escape(previous.Period.ToString())}: {Markup.Escape(Number(previous.Value, result.Unit))}{Markup.Escape(Change(result.Value, previous.Value, result.Unit))})[/]";
        }
        console.MarkupLine(headline);
        if (result.Parts.Count > 0)
        {
            var parts = new Table().Border(TableBorder.Simple).AddColumn("part").AddColumn(new TableColumn("value").RightAligned());
            foreach (var part in result.Parts)
            {
                parts.AddRow(Markup.Escape(part.Name), Markup.Escape(Number(part.Value, null)));
            }
            console.Write(parts);
        }
        if (result.Accounts is { Count: > 0 } accounts)
        {
            var shown = string.Join(", ", accounts.Take(12));
            console.MarkupLine($"Accounts: {Markup.Escape(shown)}{(accounts.Count > 12 ? $" … and {accounts.Count - 12} more" : "")}");
        }
        if (result.Rows is { Count: > 0 } rows)
        {
            console.Write(RowsTable(rows, result.Unit));
        }
        if (includeSql)
        {
            foreach (var sql in result.Sql)
            {
                console.MarkupLine($"[grey]{Markup.Escape(sql)}[/]");
            }
        }
    }

    private static Table RowsTable(IReadOnlyList<KpiRow> rows, string unit)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var key in rows[0].Keys)
        {
            table.AddColumn(Markup.Escape(key.Key));
        }
        table.AddColumn(new TableColumn("value").RightAligned());
        foreach (var part in rows[0].Parts)
        {
            table.AddColumn(new TableColumn(Markup.Escape(part.Name)).RightAligned());
        }
        foreach (var row in rows)
        {
            var cells = row.Keys.Select(k => Markup.Escape(k.Value ?? "(none)"))
                .Append(Markup.Escape(Number(row.Value, unit)))
                .Concat(row.Parts.Select(p => Markup.Escape(Number(p.Value, null))));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    internal static string Number(double? value, string? unit)
    {
        if (value is not { } number)
        {
            return "—";
        }
        var pattern = unit switch
        {
            "percent" or "points" => "0.0",
            "ratio" => "0.000",
            "currency" => "#,##0.00",
            _ => Math.Abs(number) >= 1000 || number == Math.Floor(number) ? "#,##0.##" : "#,##0.####",
        };
        var text = number.ToString(pattern, CultureInfo.InvariantCulture);
        return unit switch
        {
            null => text,
            "percent" => text + " %",
            "ratio" or "currency" => text,
            _ => $"{text} {unit}",
        };
    }

    private static string Change(double? value, double? previous, string unit)
    {
        if (value is not { } now || previous is not { } before)
        {
            return "";
        }
        if (unit == "percent")
        {
            return string.Create(CultureInfo.InvariantCulture, $", {now - before:+0.0;-0.0;0.0} pts");
        }
        return before == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {(now - before) / before * 100:+0.0;-0.0;0.0}%");
    }
}
