using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Ingest.Configuration;

namespace UsageLens.Cli;

/// <summary>Finds and reads the workspace configuration: <c>--config</c>, else <c>usagelens.yaml|yml|json</c> beside the workspace file.</summary>
internal static class ConfigurationFile
{
    private static readonly string[] s_defaultNames = ["usagelens.yaml", "usagelens.yml", "usagelens.json"];

    /// <summary>Writes the demo's rate plans beside a new demo workspace, unless a configuration file is already there.</summary>
    public static string? WriteDemoDefault(string workspacePath)
    {
        var directory = Directory(workspacePath);
        if (s_defaultNames.Any(n => File.Exists(Path.Combine(directory, n))))
        {
            return null;
        }
        using var resource = typeof(ConfigurationFile).Assembly.GetManifestResourceStream("demo-usagelens.yaml")
            ?? throw new InvalidOperationException("the demo configuration is not embedded");
        var path = Path.Combine(directory, s_defaultNames[0]);
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    public static WorkspaceConfiguration Load(string? explicitPath, string workspacePath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? WorkspaceConfigurationReader.Read(explicitPath, File.ReadAllText(explicitPath))
                : throw new UsageLensException($"--config '{explicitPath}': no such file");
        }
        var directory = Directory(workspacePath);
        var found = s_defaultNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
        return found is null ? WorkspaceConfiguration.Empty : WorkspaceConfigurationReader.Read(Path.GetFileName(found), File.ReadAllText(found));
    }

    private static string Directory(string workspacePath) =>
        workspacePath == ":memory:" ? "." : Path.GetDirectoryName(Path.GetFullPath(workspacePath)) ?? ".";
}
