using System.Diagnostics;
using System.Reflection;

namespace UsageLens.Cli.Tests.Serving;

/// <summary>Runs the built <c>usagelens</c> (src/UsageLens.Cli's output, same configuration as the tests) as a child process.</summary>
internal static class CliProcess
{
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliAssembly());
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    /// <summary>Runs a command to its end and returns what it printed; a non-zero exit fails the test with its output.</summary>
    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var (exit, stdout, stderr) = await RunToEndAsync(workingDirectory, arguments);
        Assert.True(exit == 0, $"usagelens {string.Join(' ', arguments)} exited {exit}: {stderr}{stdout}");
        return stdout;
    }

    /// <summary>Runs a command to its end and returns its exit code and what it printed.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunToEndAsync(string workingDirectory, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(workingDirectory, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends SIGTERM, what a container runtime or systemd sends to stop a service (Process.Kill sends SIGKILL).</summary>
    public static async Task TerminateAsync(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
    }

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    private static string CliAssembly()
    {
        var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot(), "src", "UsageLens.Cli", "bin", configuration, "net10.0", "usagelens.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("the CLI is built with the tests; not found", path);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "UsageLens.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("UsageLens.slnx not found above " + AppContext.BaseDirectory);
    }
}
