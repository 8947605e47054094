using System.Diagnostics;
using System.Text.Json;

namespace UsageLens.Cli.Tests.Reliability;

/// <summary>
/// Runs bench/UsageLens.Reliability (built with these tests) against this run's build of the CLI and
/// returns the figures of its last output line. The tool is the one documented in docs/reliability.md;
/// the tests run it short.
/// </summary>
internal static class ReliabilityTool
{
    public static async Task<JsonElement> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var tool = BuildOutput.Assembly(Path.Combine("bench", "UsageLens.Reliability"), "UsageLens.Reliability");
        var cli = BuildOutput.Assembly(Path.Combine("src", "UsageLens.Cli"), "usagelens");
        Assert.True(File.Exists(tool), $"{tool} is missing: the test project builds it through its project reference");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[tool, .. arguments, "--cli", cli])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the reliability tool did not finish in {timeout.TotalSeconds:0} s: {await stdout}{await stderr}");
        }
        var lines = (await stdout).Trim().Split('\n');
        Assert.True(lines[^1].StartsWith('{'), $"the tool exited {process.ExitCode} without figures: {await stdout}{await stderr}");
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }
}
