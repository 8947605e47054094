using UsageLens.Core;
using UsageLens.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>Reads the <c>playbooks</c> section: a known signal name → the recommended action, a non-empty text.</summary>
internal static class PlaybooksReader
{
    public static Playbooks Read(string file, YamlMappingNode playbooks)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, "playbooks", playbooks, [.. Playbooks.Signals]);
        var actions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in playbooks.Children)
        {
            var signal = ((YamlScalarNode)key).Value ?? "";
            var action = (value as YamlScalarNode)?.Value?.Trim();
            actions[signal] = string.IsNullOrEmpty(action)
                ? throw new UsageLensException($"{file}: playbooks.{signal}: give the recommended action as text, for example '{signal}: Call the customer this week' (line {key.Start.Line})")
                : action;
        }
        return new Playbooks(actions);
    }
}
