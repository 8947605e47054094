using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Ingest.Configuration;

namespace UsageLens.Cli;

/// <summary>Finds and reads the workspace configuration: <c>--config</c>, else <c>usagelens.yaml|yml|json</c> beside the workspace file.</summary>
internal static class ConfigurationFile
{
    private static readonly string[] s_defaultNames = ["usagelens.yaml", "usagelens.yml", "usagelens.json"];

    public static WorkspaceConfiguration Load(string? explicitPath, string workspacePath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? WorkspaceConfigurationReader.Read(explicitPath, File.ReadAllText(explicitPath))
                : throw new UsageLensException($"--config '{explicitPath}': no such file");
        }
        var directory = workspacePath == ":memory:" ? "." : Path.GetDirectoryName(Path.GetFullPath(workspacePath)) ?? ".";
        var found = s_defaultNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
        return found is null ? WorkspaceConfiguration.Empty : WorkspaceConfigurationReader.Read(Path.GetFileName(found), File.ReadAllText(found));
    }
}
