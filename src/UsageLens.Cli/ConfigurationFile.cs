using UsageLens.Configuration;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Demo;

namespace UsageLens.Cli;

/// <summary>Finds and reads the workspace configuration: <c>--config</c>, else <c>usagelens.yaml|yml|json</c> beside the workspace file.</summary>
internal static class ConfigurationFile
{
    private static readonly string[] s_defaultNames = ["usagelens.yaml", "usagelens.yml", "usagelens.json"];

    /// <summary>Writes the demo profile's configuration beside a new demo workspace, unless a configuration file is already there.</summary>
    public static string? WriteDemoDefault(string workspacePath, DemoProfile profile)
    {
        var directory = Directory(workspacePath);
        if (s_defaultNames.Any(n => File.Exists(Path.Combine(directory, n))))
        {
            return null;
        }
        var path = Path.Combine(directory, s_defaultNames[0]);
        File.WriteAllText(path, DemoText(profile));
        return path;
    }

    /// <summary>The configuration the demo profile writes: rate plans, and for manufacturing its custom metrics.</summary>
    public static WorkspaceConfiguration DemoDefault(DemoProfile profile) =>
        WorkspaceConfigurationReader.Read(s_defaultNames[0], DemoText(profile));

    private static string DemoText(DemoProfile profile)
    {
        var name = profile == DemoProfile.Manufacturing ? "demo-manufacturing-usagelens.yaml" : "demo-usagelens.yaml";
        using var resource = typeof(ConfigurationFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the demo configuration {name} is not embedded");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }

    public static WorkspaceConfiguration Load(string? explicitPath, string workspacePath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? WorkspaceConfigurationReader.Read(explicitPath, File.ReadAllText(explicitPath))
                : throw new UsageLensException($"--config '{explicitPath}': no such file");
        }
        var found = Locate(null, workspacePath);
        return found is null ? WorkspaceConfiguration.Empty : WorkspaceConfigurationReader.Read(Path.GetFileName(found), File.ReadAllText(found));
    }

    /// <summary>The file <see cref="Load"/> reads: <paramref name="explicitPath"/> as given, else the first default name beside the workspace, else null.</summary>
    public static string? Locate(string? explicitPath, string workspacePath)
    {
        if (explicitPath is not null)
        {
            return explicitPath;
        }
        var directory = Directory(workspacePath);
        return s_defaultNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
    }

    private static string Directory(string workspacePath) =>
        workspacePath == ":memory:" ? "." : Path.GetDirectoryName(Path.GetFullPath(workspacePath)) ?? ".";
}
