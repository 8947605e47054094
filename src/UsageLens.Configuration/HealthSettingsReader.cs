using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>
/// Reads the <c>health</c> section: <c>weights</c> (component → non-negative number; components not
/// named keep their default weight), <c>usage_metric</c> and <c>bands.healthy</c> / <c>bands.at_risk</c>.
/// </summary>
internal static class HealthSettingsReader
{
    public static HealthSettings Read(string file, YamlMappingNode health)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, "health", health, "weights", "usage_metric", "bands");
        var settings = HealthSettings.Default;
        var weights = new Dictionary<string, double>(settings.Weights, StringComparer.Ordinal);
        if (WorkspaceConfigurationReader.Child(health, "weights") is { } node)
        {
            var mapping = WorkspaceConfigurationReader.Mapping(file, "health.weights", node);
            WorkspaceConfigurationReader.RefuseUnknown(file, "health.weights", mapping, [.. HealthSettings.Components]);
            foreach (var (key, value) in mapping.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                weights[name] = Number(file, $"health.weights.{name}", value, 0, 1_000_000);
            }
            if (weights.Values.All(w => w == 0))
            {
                throw new UsageLensException($"{file}: health.weights: at least one weight must be above 0");
            }
        }
        var metric = (WorkspaceConfigurationReader.Child(health, "usage_metric") as YamlScalarNode)?.Value?.Trim();
        var (healthy, atRisk) = (settings.Healthy, settings.AtRisk);
        if (WorkspaceConfigurationReader.Child(health, "bands") is { } bandsNode)
        {
            var bands = WorkspaceConfigurationReader.Mapping(file, "health.bands", bandsNode);
            WorkspaceConfigurationReader.RefuseUnknown(file, "health.bands", bands, "healthy", "at_risk");
            healthy = WorkspaceConfigurationReader.Child(bands, "healthy") is { } h ? Number(file, "health.bands.healthy", h, 0, 100) : healthy;
            atRisk = WorkspaceConfigurationReader.Child(bands, "at_risk") is { } r ? Number(file, "health.bands.at_risk", r, 0, 100) : atRisk;
            if (atRisk > healthy)
            {
                throw new UsageLensException($"{file}: health.bands.at_risk: {atRisk.ToString(CultureInfo.InvariantCulture)} must not be above health.bands.healthy ({healthy.ToString(CultureInfo.InvariantCulture)})");
            }
        }
        return settings with { Weights = weights, UsageMetric = string.IsNullOrEmpty(metric) ? null : metric, Healthy = healthy, AtRisk = atRisk };
    }

    private static double Number(string file, string path, YamlNode node, double min, double max)
    {
        var text = (node as YamlScalarNode)?.Value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageLensException($"{file}: {path}: '{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }
}
