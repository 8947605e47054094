using System.Text.RegularExpressions;
using UsageLens.Core;
using UsageLens.Core.Semantics.Custom;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>
/// Reads the <c>metrics:</c> section of a workspace configuration: formula metrics
/// (<c>formula</c>) and state metrics (<c>state</c>), each with an optional <c>unit</c> and
/// <c>description</c>. Formulas may use other custom metrics, but never in a cycle.
/// </summary>
internal static partial class CustomMetricsReader
{
    public static Dictionary<string, CustomMetric> Read(string file, YamlMappingNode section)
    {
        var nodes = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var (key, node) in section.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!NamePattern().IsMatch(name))
            {
                throw new UsageLensException($"{file}: metrics.{name}: a metric name is letters, digits and _, starting with a letter or _");
            }
            nodes[name] = WorkspaceConfigurationReader.Mapping(file, $"metrics.{name}", node);
        }
        var names = nodes.Keys.ToHashSet(StringComparer.Ordinal);
        var metrics = new Dictionary<string, CustomMetric>(StringComparer.Ordinal);
        foreach (var (name, node) in nodes)
        {
            metrics[name] = Metric(file, name, node, names);
        }
        foreach (var name in metrics.Keys)
        {
            RefuseCycle(file, name, metrics, [name]);
        }
        return metrics;
    }

    private static CustomMetric Metric(string file, string name, YamlMappingNode node, IReadOnlySet<string> names)
    {
        var path = $"metrics.{name}";
        WorkspaceConfigurationReader.RefuseUnknown(file, path, node, "formula", "state", "unit", "description");
        var formula = Text(file, path, node, "formula");
        var state = WorkspaceConfigurationReader.Child(node, "state");
        var description = Text(file, path, node, "description");
        if (formula is null == state is null)
        {
            throw new UsageLensException($"{file}: {path}: give either formula or state");
        }
        if (state is not null)
        {
            return State(file, name, WorkspaceConfigurationReader.Mapping(file, $"{path}.state", state), Text(file, path, node, "unit") ?? "%", description);
        }
        FormulaNode expression;
        try
        {
            expression = FormulaParser.Parse(formula!, names);
        }
        catch (UsageLensException ex)
        {
            throw new UsageLensException($"{file}: {path}.formula: {ex.Message} in '{formula}'", ex);
        }
        return new FormulaMetric(name, formula!, expression, Text(file, path, node, "unit") ?? "", description);
    }

    private static StateMetric State(string file, string name, YamlMappingNode node, string unit, string? description)
    {
        var path = $"metrics.{name}.state";
        WorkspaceConfigurationReader.RefuseUnknown(file, path, node, "event", "property", "up", "entity");
        var @event = Text(file, path, node, "event") ?? throw new UsageLensException($"{file}: {path}.event: is required, for example machine_state");
        var up = WorkspaceConfigurationReader.Child(node, "up") switch
        {
            YamlSequenceNode list => list.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? "").ToList(),
            YamlScalarNode one => [one.Value?.Trim() ?? ""],
            null => [],
            var other => throw new UsageLensException($"{file}: {path}.up: must be a list of states (line {other.Start.Line})"),
        };
        if (up.Count == 0 || up.Any(s => s.Length == 0))
        {
            throw new UsageLensException($"{file}: {path}.up: list the states that count as up, for example [running]");
        }
        var states = up.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new StateMetric(name, @event, Text(file, path, node, "property") ?? "state", states, Text(file, path, node, "entity"), unit, description);
    }

    private static void RefuseCycle(string file, string name, Dictionary<string, CustomMetric> metrics, List<string> trail)
    {
        if (metrics[name] is not FormulaMetric formula)
        {
            return;
        }
        foreach (var used in FormulaReferences.CustomMetrics(formula.Expression).Distinct(StringComparer.Ordinal))
        {
            if (trail.IndexOf(used) is var start and >= 0)
            {
                var cycle = trail.Skip(start).Append(used);
                throw new UsageLensException($"{file}: metrics.{used}.formula: the formulas use each other in a cycle: {string.Join(" → ", cycle)}");
            }
            RefuseCycle(file, used, metrics, [.. trail, used]);
        }
    }

    private static string? Text(string file, string path, YamlMappingNode node, string key) => WorkspaceConfigurationReader.Child(node, key) switch
    {
        null => null,
        YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value) => scalar.Value.Trim(),
        var other => throw new UsageLensException($"{file}: {path}.{key}: must be a non-empty text (line {other.Start.Line})"),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();
}
