using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Finance;
using UsageLens.Core.Semantics.Custom;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>
/// Reads a workspace configuration file (YAML, or JSON, which YAML includes). Every mistake is
/// reported with the file and the key path, for example
/// <c>usagelens.yaml: rate_plans.growth.meters.api_call.unit_price: '-1' must be a number ≥ 0</c>.
/// </summary>
public static class WorkspaceConfigurationReader
{
    public static WorkspaceConfiguration Read(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new UsageLensException($"{fileName} line {ex.Start.Line}: {ex.Message}", ex);
        }
        if (stream.Documents.Count == 0)
        {
            return WorkspaceConfiguration.Empty;
        }
        var root = Mapping(fileName, "", stream.Documents[0].RootNode);
        RefuseUnknown(fileName, "", root, "rate_plans", "metrics", "activity", "questions", "health", "alerts", "playbooks", "privacy", "reports");
        var plans = new Dictionary<string, RatePlan>(StringComparer.Ordinal);
        if (Child(root, "rate_plans") is { } plansNode)
        {
            foreach (var (name, node) in Mapping(fileName, "rate_plans", plansNode).Children)
            {
                var planName = ((YamlScalarNode)name).Value ?? "";
                plans[planName] = Plan(fileName, $"rate_plans.{planName}", planName, node);
            }
        }
        var metrics = Child(root, "metrics") is { } metricsNode
            ? CustomMetricsReader.Read(fileName, Mapping(fileName, "metrics", metricsNode))
            : new Dictionary<string, CustomMetric>();
        var activity = Child(root, "activity") is { } activityNode ? ActivityEvents(fileName, Mapping(fileName, "activity", activityNode)) : [];
        var (synonyms, weekStart, llmUrl, llmModel) = Child(root, "questions") is { } questionsNode
            ? QuestionSettingsReader.Read(fileName, Mapping(fileName, "questions", questionsNode))
            : ([], DayOfWeek.Monday, null, null);
        var health = Child(root, "health") is { } healthNode ? HealthSettingsReader.Read(fileName, Mapping(fileName, "health", healthNode)) : HealthSettings.Default;
        var alerts = Child(root, "alerts") is { } alertsNode ? AlertRulesReader.Read(fileName, Mapping(fileName, "alerts", alertsNode)) : [];
        var reports = Child(root, "reports") is { } reportsNode ? ReportsReader.Read(fileName, Mapping(fileName, "reports", reportsNode)) : [];
        var playbooks = Child(root, "playbooks") is { } playbooksNode ? PlaybooksReader.Read(fileName, Mapping(fileName, "playbooks", playbooksNode)) : Playbooks.None;
        var privacy = Child(root, "privacy") is { } privacyNode ? PrivacySettingsReader.Read(fileName, Mapping(fileName, "privacy", privacyNode)) : PrivacySettings.Default;
        return new WorkspaceConfiguration(plans)
        {
            Playbooks = playbooks,
            Privacy = privacy,
            Health = health,
            Alerts = alerts,
            Reports = reports,
            Metrics = metrics,
            ActivityEvents = activity,
            QuestionSynonyms = synonyms,
            WeekStart = weekStart,
            LanguageModelUrl = llmUrl,
            LanguageModelName = llmModel,
            Source = fileName,
        };
    }

    private static RatePlan Plan(string file, string path, string name, YamlNode node)
    {
        var plan = Mapping(file, path, node);
        RefuseUnknown(file, path, plan, "meters");
        var meters = new Dictionary<string, MeterPrice>(StringComparer.Ordinal);
        if (Child(plan, "meters") is { } metersNode)
        {
            foreach (var (meter, price) in Mapping(file, $"{path}.meters", metersNode).Children)
            {
                var meterName = ((YamlScalarNode)meter).Value ?? "";
                meters[meterName] = Price(file, $"{path}.meters.{meterName}", price);
            }
        }
        return new RatePlan(name, meters);
    }

    private static MeterPrice Price(string file, string path, YamlNode node)
    {
        var price = Mapping(file, path, node);
        RefuseUnknown(file, path, price, "included", "unit_price", "mode", "tiers");
        var included = Number(file, path, price, "included") ?? 0;
        var unitPrice = Number(file, path, price, "unit_price");
        var mode = Child(price, "mode") is { } modeNode ? Mode(file, $"{path}.mode", modeNode) : TierMode.Graduated;
        var tiers = Child(price, "tiers") is YamlSequenceNode tierNodes
            ? tierNodes.Children.Select((t, i) => Tier(file, $"{path}.tiers[{i}]", t)).ToList()
            : [];
        if (unitPrice is null == (tiers.Count == 0))
        {
            throw new UsageLensException($"{file}: {path}: give either unit_price or tiers");
        }
        for (var i = 0; i < tiers.Count; i++)
        {
            var last = i == tiers.Count - 1;
            if (last != tiers[i].UpTo is null || (i > 0 && tiers[i].UpTo <= tiers[i - 1].UpTo))
            {
                throw new UsageLensException($"{file}: {path}.tiers[{i}].up_to: tiers must rise, and only the last one has no up_to");
            }
        }
        return new MeterPrice(included, unitPrice, mode, tiers);
    }

    private static PriceTier Tier(string file, string path, YamlNode node)
    {
        var tier = Mapping(file, path, node);
        RefuseUnknown(file, path, tier, "up_to", "unit_price", "flat_fee");
        var unitPrice = Number(file, path, tier, "unit_price") ?? throw new UsageLensException($"{file}: {path}.unit_price: is required");
        return new PriceTier(Number(file, path, tier, "up_to"), unitPrice, Number(file, path, tier, "flat_fee") ?? 0);
    }

    private static List<string> ActivityEvents(string file, YamlMappingNode activity)
    {
        RefuseUnknown(file, "activity", activity, "events");
        var events = Child(activity, "events") switch
        {
            YamlSequenceNode list => list.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? "").ToList(),
            null => [],
            var other => throw new UsageLensException($"{file}: activity.events: must be a list of event names, for example [login, report_view] (line {other.Start.Line})"),
        };
        if (events.Any(e => e.Length == 0))
        {
            throw new UsageLensException($"{file}: activity.events: an entry is empty; list event names, for example [login, report_view]");
        }
        return events.Distinct(StringComparer.Ordinal).ToList();
    }

    private static TierMode Mode(string file, string path, YamlNode node) => (node as YamlScalarNode)?.Value switch
    {
        "graduated" => TierMode.Graduated,
        "volume" => TierMode.Volume,
        var other => throw new UsageLensException($"{file}: {path}: '{other}' must be graduated or volume"),
    };

    private static double? Number(string file, string path, YamlMappingNode mapping, string key)
    {
        if (Child(mapping, key) is not { } node)
        {
            return null;
        }
        var text = (node as YamlScalarNode)?.Value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw new UsageLensException($"{file}: {path}.{key}: '{text}' must be a number ≥ 0");
    }

    internal static YamlMappingNode Mapping(string file, string path, YamlNode node) =>
        node as YamlMappingNode ?? throw new UsageLensException($"{file}: {(path.Length == 0 ? "the document" : path)} must be a mapping of keys to values (line {node.Start.Line})");

    internal static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    internal static void RefuseUnknown(string file, string path, YamlMappingNode mapping, params string[] known)
    {
        foreach (var key in mapping.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? ""))
        {
            if (!known.Contains(key))
            {
                var where = path.Length == 0 ? key : $"{path}.{key}";
                throw new UsageLensException($"{file}: {where}: unknown key; expected {string.Join(", ", known)}");
            }
        }
    }
}
