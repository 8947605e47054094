using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using UsageLens.Alerts;
using UsageLens.Core.Kpis;

namespace UsageLens.Cli.Output;

/// <summary>Prints alert runs (what changed, what fired and how each delivery went) and the delivery log.</summary>
internal static class AlertOutput
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void WriteRuns(CliEnvironment environment, OutputFormat format, IReadOnlyList<AlertRuleRun> runs, bool dryRun)
    {
        if (format == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(runs.Select(r => new
            {
                r.Rule,
                r.Kind,
                AsOf = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DryRun = dryRun,
                r.Changes,
                Firings = r.Firings.Select(f => new { f.Key, f.Subject, f.Previous, f.State, f.Summary, Payload = JsonDocument.Parse(f.Body).RootElement }),
                r.Deliveries,
            }), s_json));
            return;
        }
        var console = environment.Console;
        foreach (var run in runs)
        {
            var verb = dryRun ? "would fire" : "fired";
            console.MarkupLine($"[bold]{Markup.Escape(run.Rule)}[/] ({run.Kind}) as of {run.AsOf:yyyy-MM-dd}: {verb} {run.Firings.Count}");
            foreach (var change in run.Changes)
            {
                console.WriteLine($"  {change}");
            }
            if (run.Firings.Count == 0)
            {
                continue;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("subject").AddColumn("state").AddColumn("key").AddColumn("delivery");
            foreach (var firing in run.Firings)
            {
                var deliveries = run.Deliveries.Where(d => d.FiringKey == firing.Key).Select(d => $"{d.Target}: {d.Status} after {d.Attempts} attempt(s){(d.Error is null ? "" : $" ({d.Error})")}");
                table.AddRow(Markup.Escape(firing.Subject), Markup.Escape($"{firing.Previous ?? "-"} → {firing.State}"), Markup.Escape(firing.Key), Markup.Escape(dryRun ? "not sent (dry run)" : string.Join("; ", deliveries)));
            }
            console.Write(table);
        }
    }

    public static void WriteLog(CliEnvironment environment, OutputFormat format, IReadOnlyList<AlertDelivery> deliveries)
    {
        switch (format)
        {
            case OutputFormat.Json:
                environment.Out.WriteLine(JsonSerializer.Serialize(deliveries, s_json));
                return;
            case OutputFormat.Csv:
                environment.Out.WriteLine(KpiCsv.Line(["time", "rule", "subject", "target", "firing_key", "attempts", "status", "http_status", "error"]));
                foreach (var d in deliveries)
                {
                    environment.Out.WriteLine(KpiCsv.Line([Time(d.Time), d.Rule, d.Subject, d.Target, d.FiringKey, d.Attempts.ToString(CultureInfo.InvariantCulture), d.Status, d.HttpStatus?.ToString(CultureInfo.InvariantCulture), d.Error]));
                }
                return;
            default:
                if (deliveries.Count == 0)
                {
                    environment.Out.WriteLine("No deliveries logged.");
                    return;
                }
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn("time").AddColumn("rule").AddColumn("subject").AddColumn("target").AddColumn("key")
                    .AddColumn(new TableColumn("attempts").RightAligned()).AddColumn("status").AddColumn("error");
                foreach (var d in deliveries)
                {
                    table.AddRow(Markup.Escape(Time(d.Time)), Markup.Escape(d.Rule), Markup.Escape(d.Subject), Markup.Escape(d.Target), Markup.Escape(d.FiringKey),
                        d.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(d.HttpStatus is { } code ? $"{d.Status} ({code})" : d.Status), Markup.Escape(d.Error ?? ""));
                }
                environment.Console.Write(table);
                return;
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
