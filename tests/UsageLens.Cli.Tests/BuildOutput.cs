using System.Reflection;

namespace UsageLens.Cli.Tests;

/// <summary>Where this test run's build put things: the repository and the configuration it was built in.</summary>
internal static class BuildOutput
{
    public static string Configuration =>
        typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "UsageLens.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("UsageLens.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The main assembly of a project of the repository, built in this run's configuration.</summary>
    public static string Assembly(string projectFolder, string assemblyName) =>
        Path.Combine(RepositoryRoot(), projectFolder, "bin", Configuration, "net10.0", assemblyName + ".dll");
}
