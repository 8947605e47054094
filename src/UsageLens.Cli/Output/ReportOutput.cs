using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Reports;
using UsageLens.Reports;

namespace UsageLens.Cli.Output;

/// <summary>Prints scheduled report runs (what was delivered where) and the list of reports with their next and last runs.</summary>
internal static class ReportOutput
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void WriteRuns(CliEnvironment environment, OutputFormat format, IReadOnlyList<ReportRun> runs)
    {
        if (format == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(runs.Select(r => new { r.Report, r.PartnerId, r.RanAt, AsOf = Day(r.AsOf), r.Status, r.FileName, r.Deliveries, r.Error }), s_json));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("report").AddColumn("as of").AddColumn("file").AddColumn("delivered to").AddColumn("status");
        foreach (var run in runs)
        {
            var where = run.Error is { } error ? $"not made: {error}" : string.Join("\n", run.Deliveries.Select(Delivery));
            table.AddRow(Markup.Escape(run.Report), Day(run.AsOf), Markup.Escape(run.FileName ?? "-"), Markup.Escape(where), Markup.Escape(run.Status));
        }
        environment.Console.Write(table);
    }

    public static void WriteList(CliEnvironment environment, OutputFormat format, IReadOnlyList<ScheduledReport> reports, IReadOnlyList<ReportRun> runs, DateTimeOffset now)
    {
        var rows = reports.Select(r => (Report: r, Next: r.Enabled ? ReportSchedule.Next(r, now) : null, Last: runs.LastOrDefault(run => run.Report == r.Name))).ToList();
        if (format == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(rows.Select(x => new
            {
                x.Report.Name, Kind = x.Report.KindName, PartnerId = x.Report.Partner, x.Report.Schedule, TimeZone = x.Report.TimeZone.Id, x.Report.Enabled,
                NextRun = x.Next, LastRun = x.Last?.RanAt, LastStatus = x.Last?.Status,
            }), s_json));
            return;
        }
        if (rows.Count == 0)
        {
            environment.Out.WriteLine("No scheduled reports; add a reports section to the configuration file.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("report").AddColumn("kind").AddColumn("partner").AddColumn("schedule")
            .AddColumn("next run").AddColumn("deliver").AddColumn("last run");
        foreach (var (report, next, last) in rows)
        {
            var deliver = string.Join("\n", new[] { report.Folder is { } f ? $"folder {f}" : null, report.Webhook is { } w ? $"webhook {w.Name}" : null }.OfType<string>());
            table.AddRow(Markup.Escape(report.Name), report.KindName, Markup.Escape(report.Partner ?? "all"), Markup.Escape($"{report.Schedule} ({report.TimeZone.Id})"),
                next is { } at ? Markup.Escape(TimeZoneInfo.ConvertTime(at, report.TimeZone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)) : report.Enabled ? "never" : "disabled",
                Markup.Escape(deliver), Markup.Escape(last is null ? "-" : $"{last.RanAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z {last.Status}"));
        }
        environment.Console.Write(table);
    }

    private static string Delivery(ReportDelivery d) =>
        $"{d.Target} {d.Destination}: {d.Status}{(d.Attempts > 1 ? $" after {d.Attempts} attempts" : "")}{(d.Error is null ? "" : $" ({d.Error})")}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
