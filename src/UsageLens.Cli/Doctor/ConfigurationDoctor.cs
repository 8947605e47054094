using UsageLens.Configuration;
using UsageLens.Core;

namespace UsageLens.Cli.Doctor;

/// <summary>Checks the workspace configuration file the other commands would read: found, parsed and valid.</summary>
internal static class ConfigurationDoctor
{
    private const string Name = "configuration";

    public static DoctorCheck Check(string? explicitPath, string workspacePath)
    {
        var path = ConfigurationFile.Locate(explicitPath, workspacePath);
        if (path is null)
        {
            return DoctorCheck.Pass(Name, "no usagelens.yaml, .yml or .json beside the workspace: no rate plans, custom metrics or activity events");
        }
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return DoctorCheck.Fail(Name, $"--config '{path}': no such file ({full})",
                "pass an existing file to --config, or leave --config out to read usagelens.yaml beside the workspace");
        }
        try
        {
            var configuration = WorkspaceConfigurationReader.Read(full, File.ReadAllText(full));
            return DoctorCheck.Pass(Name, $"{full}: {configuration.RatePlans.Count} rate plan(s), {configuration.Metrics.Count} custom metric(s)");
        }
        catch (UsageLensException ex)
        {
            return DoctorCheck.Fail(Name, ex.Message,
                $"correct {full} at the place named (samples/usagelens.yaml shows every setting), or move it away to run without one");
        }
    }
}
