using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using UsageLens.Core;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>
/// Reads the <c>alerts</c> section: rule name → rule, each with a <c>kind</c> (threshold, anomaly,
/// health-band, churn-risk), a cron <c>schedule</c>, one or more <c>webhooks</c> and the kind's own keys.
/// Everything that can be checked without the workspace is checked here (the KPI and its options, the
/// period, the cron expression, the URLs), so a mistake fails when the file is read, not at 3 a.m.
/// </summary>
internal static partial class AlertRulesReader
{
    private static readonly string[] s_common = ["kind", "schedule", "webhooks", "enabled", "where"];

    public static List<AlertRule> Read(string file, YamlMappingNode alerts)
    {
        var rules = new List<AlertRule>();
        foreach (var (key, node) in alerts.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var path = $"alerts.{name}";
            if (!RuleName().IsMatch(name))
            {
                throw new UsageLensException($"{file}: {path}: a rule name is letters, digits, '-' and '_' (at most 64), starting with a letter or digit");
            }
            rules.Add(Rule(file, path, name, WorkspaceConfigurationReader.Mapping(file, path, node)));
        }
        return rules;
    }

    private static AlertRule Rule(string file, string path, string name, YamlMappingNode rule)
    {
        var kind = Text(file, path, rule, "kind") ?? throw new UsageLensException($"{file}: {path}.kind: is required: threshold, anomaly, health-band or churn-risk");
        var schedule = Schedule(file, $"{path}.schedule", Text(file, path, rule, "schedule"));
        var webhooks = Webhooks(file, $"{path}.webhooks", WorkspaceConfigurationReader.Child(rule, "webhooks"));
        AlertRule read = kind switch
        {
            ThresholdAlertRule.KindName => Threshold(file, path, name, schedule, webhooks, rule),
            AnomalyAlertRule.KindName => Anomaly(file, path, name, schedule, webhooks, rule),
            HealthBandAlertRule.KindName => HealthBand(file, path, name, schedule, webhooks, rule),
            ChurnRiskAlertRule.KindName => ChurnRisk(file, path, name, schedule, webhooks, rule),
            _ => throw new UsageLensException($"{file}: {path}.kind: '{kind}' must be threshold, anomaly, health-band or churn-risk"),
        };
        return read with
        {
            Enabled = Boolean(file, $"{path}.enabled", WorkspaceConfigurationReader.Child(rule, "enabled")) ?? true,
            Where = Filters(file, $"{path}.where", WorkspaceConfigurationReader.Child(rule, "where")),
        };
    }

    private static ThresholdAlertRule Threshold(string file, string path, string name, string schedule, List<WebhookTarget> webhooks, YamlMappingNode rule)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, path, rule, [.. s_common, "kpi", "metric", "period", "options", "above", "below"]);
        var kpiName = Text(file, path, rule, "kpi") ?? throw new UsageLensException($"{file}: {path}.kpi: is required for a threshold rule");
        IKpi kpi;
        try
        {
            kpi = KpiCatalog.Find(kpiName);
        }
        catch (UsageLensException ex)
        {
            throw new UsageLensException($"{file}: {path}.kpi: {ex.Message}", ex);
        }
        var options = KpiOptions(file, $"{path}.options", WorkspaceConfigurationReader.Child(rule, "options"), kpi.Definition);
        var period = Text(file, path, rule, "period") ?? "last-7-days";
        // Checked on a first of January that is not a Monday: to-date periods ("this-month", "this-week")
        // hold the evaluation day itself on the first day of their unit, and so would fail on that day.
        foreach (var day in (DateOnly[])[new(2026, 1, 1), new(2026, 1, 5), new(2026, 1, 15)])
        {
            Period resolved;
            try
            {
                resolved = RelativePeriod.Resolve(period, day);
            }
            catch (UsageLensException ex)
            {
                throw new UsageLensException($"{file}: {path}.period: {ex.Message}", ex);
            }
            if (resolved.To > day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
            {
                throw new UsageLensException($"{file}: {path}.period: '{period}' includes the evaluation day on some days, which is not complete; use a period that ends before it, such as yesterday, last-7-days or last-month");
            }
        }
        var above = Number(file, $"{path}.above", WorkspaceConfigurationReader.Child(rule, "above"));
        var below = Number(file, $"{path}.below", WorkspaceConfigurationReader.Child(rule, "below"));
        if (above is null == below is null)
        {
            throw new UsageLensException($"{file}: {path}: give exactly one of above or below, the value the KPI is compared with");
        }
        return new ThresholdAlertRule(name, schedule, webhooks, kpi.Definition.Name, above is null ? ThresholdDirection.Below : ThresholdDirection.Above, above ?? below!.Value)
        {
            Metric = Text(file, path, rule, "metric"),
            Period = period,
            Options = options,
        };
    }

    private static AnomalyAlertRule Anomaly(string file, string path, string name, string schedule, List<WebhookTarget> webhooks, YamlMappingNode rule)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, path, rule, [.. s_common, "min_severity", "metric", "recent_days"]);
        var severity = Number(file, $"{path}.min_severity", WorkspaceConfigurationReader.Child(rule, "min_severity"));
        if (severity is < 0)
        {
            throw new UsageLensException($"{file}: {path}.min_severity: must be ≥ 0");
        }
        var recent = Number(file, $"{path}.recent_days", WorkspaceConfigurationReader.Child(rule, "recent_days"));
        if (recent is { } days && (days != Math.Floor(days) || days is < 1 or > 60))
        {
            throw new UsageLensException($"{file}: {path}.recent_days: '{days.ToString(CultureInfo.InvariantCulture)}' must be a whole number from 1 to 60");
        }
        return new AnomalyAlertRule(name, schedule, webhooks)
        {
            MinSeverity = severity ?? 8,
            Metric = Text(file, path, rule, "metric"),
            RecentDays = recent is { } r ? (int)r : 7,
        };
    }

    private static HealthBandAlertRule HealthBand(string file, string path, string name, string schedule, List<WebhookTarget> webhooks, YamlMappingNode rule)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, path, rule, [.. s_common, "to", "metric"]);
        var to = Text(file, path, rule, "to");
        if (to is not null && !HealthBandAlertRule.Bands.Contains(to))
        {
            throw new UsageLensException($"{file}: {path}.to: '{to}' must be one of {string.Join(", ", HealthBandAlertRule.Bands)}");
        }
        return new HealthBandAlertRule(name, schedule, webhooks) { To = to, Metric = Text(file, path, rule, "metric") };
    }

    private static ChurnRiskAlertRule ChurnRisk(string file, string path, string name, string schedule, List<WebhookTarget> webhooks, YamlMappingNode rule)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, path, rule, [.. s_common, "above"]);
        var probability = Number(file, $"{path}.above", WorkspaceConfigurationReader.Child(rule, "above"))
            ?? throw new UsageLensException($"{file}: {path}.above: is required for a churn-risk rule: the probability (0 to 1) above which it fires");
        if (probability is < 0 or >= 1)
        {
            throw new UsageLensException($"{file}: {path}.above: '{probability.ToString(CultureInfo.InvariantCulture)}' must be a probability from 0 to below 1");
        }
        return new ChurnRiskAlertRule(name, schedule, webhooks, probability);
    }

    private static string Schedule(string file, string path, string? text)
    {
        if (text is null)
        {
            throw new UsageLensException($"{file}: {path}: is required: a cron expression in UTC, for example \"0 8 * * *\" (08:00 every day)");
        }
        try
        {
            CronExpression.Parse(text, CronFormat.Standard);
            return text;
        }
        catch (CronFormatException ex)
        {
            throw new UsageLensException($"{file}: {path}: '{text}' is not a five-field cron expression (minute hour day-of-month month day-of-week): {ex.Message}", ex);
        }
    }

    private static List<WebhookTarget> Webhooks(string file, string path, YamlNode? node)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            throw new UsageLensException($"{file}: {path}: is required: a list of at least one webhook, each with url and secret");
        }
        var targets = list.Children.Select((n, i) => Webhook(file, $"{path}[{i}]", n)).ToList();
        if (targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new UsageLensException($"{file}: {path}: two webhooks are named '{twice.Key}'; give each a distinct name");
        }
        return targets;
    }

    internal static WebhookTarget Webhook(string file, string path, YamlNode node)
    {
        var webhook = WorkspaceConfigurationReader.Mapping(file, path, node);
        WorkspaceConfigurationReader.RefuseUnknown(file, path, webhook, "url", "secret", "name");
        var text = Text(file, path, webhook, "url") ?? throw new UsageLensException($"{file}: {path}.url: is required");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageLensException($"{file}: {path}.url: '{text}' must be an absolute http or https URL");
        }
        var secret = Text(file, path, webhook, "secret") ?? throw new UsageLensException($"{file}: {path}.secret: is required: the shared secret each body is signed with");
        if (secret.Length < 16)
        {
            throw new UsageLensException($"{file}: {path}.secret: must be at least 16 characters, so the signature cannot be guessed");
        }
        var name = Text(file, path, webhook, "name") ?? $"{url.Host}:{url.Port}";
        return new WebhookTarget(name, url, secret);
    }

    internal static List<string> KpiOptions(string file, string path, YamlNode? node, KpiDefinition kpi)
    {
        if (node is null)
        {
            return [];
        }
        var options = new List<string>();
        foreach (var (key, value) in WorkspaceConfigurationReader.Mapping(file, path, node).Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!kpi.Options.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                var known = kpi.Options.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", kpi.Options.Select(o => o.Name))}";
                throw new UsageLensException($"{file}: {path}.{name}: {kpi.Name} has no such option; {known}");
            }
            options.Add($"{name}={(value as YamlScalarNode)?.Value}");
        }
        return options;
    }

    internal static List<string> Filters(string file, string path, YamlNode? node)
    {
        var filters = node switch
        {
            null => [],
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlSequenceNode list => list.Children.Select(c => (c as YamlScalarNode)?.Value ?? "").ToList(),
            _ => throw new UsageLensException($"{file}: {path}: must be a list of dimension=value filters, for example [segment=enterprise]"),
        };
        if (filters.FirstOrDefault(f => f.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad)
        {
            throw new UsageLensException($"{file}: {path}: '{bad}' must look like dimension=value, for example segment=enterprise");
        }
        return filters;
    }

    internal static string? Text(string file, string path, YamlMappingNode mapping, string key) => WorkspaceConfigurationReader.Child(mapping, key) switch
    {
        null => null,
        YamlScalarNode { Value: { } value } when value.Trim().Length > 0 => value.Trim(),
        var other => throw new UsageLensException($"{file}: {path}.{key}: must be a non-empty text (line {other.Start.Line})"),
    };

    private static double? Number(string file, string path, YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }
        var text = (node as YamlScalarNode)?.Value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageLensException($"{file}: {path}: '{text}' must be a number");
    }

    internal static bool? Boolean(string file, string path, YamlNode? node) => node switch
    {
        null => null,
        YamlScalarNode { Value: "true" } => true,
        YamlScalarNode { Value: "false" } => false,
        _ => throw new UsageLensException($"{file}: {path}: must be true or false"),
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleName();
}
