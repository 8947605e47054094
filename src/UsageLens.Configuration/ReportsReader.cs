using System.Text.RegularExpressions;
using Cronos;
using UsageLens.Core;
using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>
/// Reads the <c>reports</c> section: report name → a <c>kind</c> (overview, customer, kpi, insight), a cron
/// <c>schedule</c> in an optional <c>time_zone</c>, an optional <c>partner</c> scope and <c>deliver</c> (a
/// <c>folder</c> and/or a <c>webhook</c>). Everything that can be checked without the workspace is checked here,
/// and every message names the key and its line.
/// </summary>
internal static partial class ReportsReader
{
    private static readonly string[] s_common = ["kind", "schedule", "time_zone", "partner", "subject", "deliver", "enabled"];

    public static List<ScheduledReport> Read(string file, YamlMappingNode reports)
    {
        var read = new List<ScheduledReport>();
        foreach (var (key, node) in reports.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var path = $"reports.{name}";
            if (!ReportName().IsMatch(name))
            {
                throw new UsageLensException($"{file}: {path}: a report name is letters, digits, '-' and '_' (at most 64), starting with a letter or digit (line {key.Start.Line})");
            }
            read.Add(Report(file, path, name, WorkspaceConfigurationReader.Mapping(file, path, node)));
        }
        return read;
    }

    private static ScheduledReport Report(string file, string path, string name, YamlMappingNode report)
    {
        var kindText = Text(file, path, report, "kind")
            ?? throw new UsageLensException($"{file}: {path}.kind: is required: overview, customer, kpi or insight (line {report.Start.Line})");
        var kind = kindText switch
        {
            "overview" => ReportKind.Overview,
            "customer" => ReportKind.Customer,
            "kpi" => ReportKind.Kpi,
            "insight" => ReportKind.Insight,
            _ => throw new UsageLensException($"{file}: {path}.kind: '{kindText}' must be overview, customer, kpi or insight (line {Line(report, "kind")})"),
        };
        string[] own = kind switch
        {
            ReportKind.Overview => [],
            ReportKind.Customer => ["account"],
            ReportKind.Kpi => ["kpi", "options", .. KpiParameters.All.Select(p => Key(p.Name))],
            _ => ["insight", "kpi", "metric", "by", "grain", "period", "where", "options"],
        };
        WithLine(report, () => WorkspaceConfigurationReader.RefuseUnknown(file, path, report, [.. s_common, .. own]));
        var partner = Text(file, path, report, "partner");
        var (folder, webhook) = Deliver(file, $"{path}.deliver", report);
        var read = new ScheduledReport(name, kind, Schedule(file, path, report), TimeZone(file, path, report))
        {
            Partner = partner,
            Subject = Text(file, path, report, "subject") ?? $"UsageLens report {name}{(partner is null ? "" : $" for partner {partner}")}",
            Folder = folder,
            Webhook = webhook,
            Enabled = WithLine(report, () => AlertRulesReader.Boolean(file, $"{path}.enabled", WorkspaceConfigurationReader.Child(report, "enabled"))) ?? true,
        };
        return kind switch
        {
            ReportKind.Customer => read with { Account = Text(file, path, report, "account") ?? throw new UsageLensException($"{file}: {path}.account: is required for a customer report: the account id (line {report.Start.Line})") },
            ReportKind.Kpi => Kpi(file, path, report, read),
            ReportKind.Insight => Insight(file, path, report, read),
            _ => read,
        };
    }

    private static ScheduledReport Kpi(string file, string path, YamlMappingNode report, ScheduledReport read)
    {
        var name = Text(file, path, report, "kpi") ?? throw new UsageLensException($"{file}: {path}.kpi: is required for a kpi report (line {report.Start.Line})");
        var kpi = WithLine(report, "kpi", () => KpiCatalog.Find(name), $"{file}: {path}.kpi: ");
        var options = WithLine(report, "options", () => AlertRulesReader.KpiOptions(file, $"{path}.options", WorkspaceConfigurationReader.Child(report, "options"), kpi.Definition));
        var arguments = WithLine(report, () => KpiParameters.Read(p => Values(file, $"{path}.{Key(p.Name)}", WorkspaceConfigurationReader.Child(report, Key(p.Name))), options), $"{file}: {path}: ");
        return read with { Kpi = kpi.Definition.Name, KpiArguments = arguments };
    }

    private static ScheduledReport Insight(string file, string path, YamlMappingNode report, ScheduledReport read)
    {
        var name = Text(file, path, report, "insight") ?? throw new UsageLensException($"{file}: {path}.insight: is required for an insight report (line {report.Start.Line})");
        if (!InsightCatalog.All.Any(i => i.Name == name))
        {
            throw new UsageLensException($"{file}: {path}.insight: no insight '{name}'{NearestNames.Hint(name, InsightCatalog.All.Select(i => i.Name))} (line {Line(report, "insight")})");
        }
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (string[])["kpi", "metric", "by", "grain", "period"])
        {
            if (Text(file, path, report, key) is { } value)
            {
                arguments[key] = value;
            }
        }
        var options = WorkspaceConfigurationReader.Child(report, "options") is { } node
            ? WorkspaceConfigurationReader.Mapping(file, $"{path}.options", node).Children.Select(o => $"{(o.Key as YamlScalarNode)?.Value}={(o.Value as YamlScalarNode)?.Value}").ToList()
            : [];
        var where = WithLine(report, "where", () => AlertRulesReader.Filters(file, $"{path}.where", WorkspaceConfigurationReader.Child(report, "where")));
        return read with { Insight = name, InsightArguments = arguments, InsightWhere = where, InsightOptions = options };
    }

    private static (string? Folder, Core.Configuration.Alerts.WebhookTarget? Webhook) Deliver(string file, string path, YamlMappingNode report)
    {
        if (WorkspaceConfigurationReader.Child(report, "deliver") is not { } node)
        {
            throw new UsageLensException($"{file}: {path}: is required: a folder and/or a webhook (url, secret) the report is delivered to (line {report.Start.Line})");
        }
        var deliver = WorkspaceConfigurationReader.Mapping(file, path, node);
        WithLine(deliver, () => WorkspaceConfigurationReader.RefuseUnknown(file, path, deliver, "folder", "webhook"));
        var folder = Text(file, path, deliver, "folder");
        var webhook = WorkspaceConfigurationReader.Child(deliver, "webhook") is { } hook
            ? WithLine(hook, () => AlertRulesReader.Webhook(file, $"{path}.webhook", hook))
            : null;
        if (folder is null && webhook is null)
        {
            throw new UsageLensException($"{file}: {path}: give a folder, a webhook or both (line {node.Start.Line})");
        }
        return (folder, webhook);
    }

    private static string Schedule(string file, string path, YamlMappingNode report)
    {
        var text = Text(file, path, report, "schedule")
            ?? throw new UsageLensException($"{file}: {path}.schedule: is required: a five-field cron expression, for example \"0 7 * * 1\" (07:00 on Mondays) (line {report.Start.Line})");
        try
        {
            CronExpression.Parse(text, CronFormat.Standard);
            return text;
        }
        catch (CronFormatException ex)
        {
            throw new UsageLensException($"{file}: {path}.schedule: '{text}' is not a five-field cron expression (minute hour day-of-month month day-of-week): {ex.Message} (line {Line(report, "schedule")})", ex);
        }
    }

    private static TimeZoneInfo TimeZone(string file, string path, YamlMappingNode report)
    {
        var text = Text(file, path, report, "time_zone");
        if (text is null)
        {
            return TimeZoneInfo.Utc;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone)
            ? zone
            : throw new UsageLensException($"{file}: {path}.time_zone: '{text}' is not a known time zone; give an IANA name such as Europe/Berlin or UTC (line {Line(report, "time_zone")})");
    }

    private static List<string> Values(string file, string path, YamlNode? node) => node switch
    {
        null => [],
        YamlScalarNode { Value: { } value } => [value],
        YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => [.. list.Children.Select(c => ((YamlScalarNode)c).Value ?? "")],
        _ => throw new UsageLensException($"{file}: {path}: must be a value or a list of values (line {node.Start.Line})"),
    };

    private static string? Text(string file, string path, YamlMappingNode mapping, string key) =>
        AlertRulesReader.Text(file, path, mapping, key);

    // The configuration names KPI parameters in snake_case (group_by), as its other keys; the API in kebab-case.
    private static string Key(string parameter) => parameter.Replace('-', '_');

    private static long Line(YamlMappingNode mapping, string key) =>
        WorkspaceConfigurationReader.Child(mapping, key)?.Start.Line ?? mapping.Start.Line;

    private static void WithLine(YamlNode node, Action read) => WithLine(node, () =>
    {
        read();
        return 0;
    });

    private static T WithLine<T>(YamlMappingNode mapping, string key, Func<T> read, string prefix = "") =>
        WithLine(WorkspaceConfigurationReader.Child(mapping, key) ?? mapping, read, prefix);

    // Messages of the readers shared with alerts name the key; the line is added here, where the node is known.
    private static T WithLine<T>(YamlNode node, Func<T> read, string prefix = "")
    {
        try
        {
            return read();
        }
        catch (UsageLensException ex) when (!ex.Message.Contains("(line ", StringComparison.Ordinal))
        {
            throw new UsageLensException($"{prefix}{ex.Message} (line {node.Start.Line})", ex);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportName();
}
