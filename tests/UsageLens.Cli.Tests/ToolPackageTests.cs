using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using DuckDB.NET.Data;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Cli.Tests;

/// <summary>
/// Packs src/UsageLens.Cli as the .NET tool <c>UsageLens</c>, installs it with a tool path (nothing on the
/// machine changes) and runs the installed <c>usagelens</c>: its version is the csproj's, and a demo and a
/// KPI run on the DuckDB native library the package carries.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "usagelens-tool-tests", Guid.NewGuid().ToString("N"));

    public ToolPackageTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task The_packed_tool_installs_and_runs_a_demo_and_a_kpi()
    {
        var project = Path.Combine(BuildOutput.RepositoryRoot(), "src", "UsageLens.Cli", "UsageLens.Cli.csproj");
        var version = XDocument.Load(project).Descendants("Version").Single().Value;
        var packages = Path.Combine(_directory, "packages");
        var tools = Path.Combine(_directory, "tools");

        // The tests' own build of the CLI is packed as it is (same configuration), so packing compiles nothing.
        await RunAsync("dotnet", "pack", project, "--no-build", "-c", BuildOutput.Configuration, "-o", packages);
        // Only the local folder is a package source, so the test needs no network and cannot pick up a published UsageLens.
        var config = Path.Combine(_directory, "nuget.config");
        await File.WriteAllTextAsync(config, "<configuration><packageSources><clear /></packageSources></configuration>");
        await RunAsync("dotnet", "tool", "install", "--tool-path", tools, "UsageLens", "--configfile", config, "--add-source", packages, "--version", version);
        var usagelens = Path.Combine(tools, OperatingSystem.IsWindows() ? "usagelens.exe" : "usagelens");

        Assert.Equal(version, (await RunAsync(usagelens, "--version")).Trim());
        var workspace = Path.Combine(_directory, "x.duckdb");
        await RunAsync(usagelens, "demo", "--accounts", "10", "--days", "42", "--no-serve", "--db", workspace, "--as-of", "2026-11-15");
        var kpi = JsonDocument.Parse(await RunAsync(usagelens, "kpi", "usage", "--metric", "api_call", "--period", "last-7-days",
            "--db", workspace, "--as-of", "2026-11-15", "--format", "json")).RootElement;

        // The demo made the 10 accounts asked for, and the KPI is the sum of the API calls of the 7 days before 2026-11-15.
        using var connection = new DuckDBConnection($"Data Source={workspace}");
        connection.Open();
        Assert.Equal(10L, Scalar<long>(connection, "SELECT count(*) FROM accounts"));
        var sum = Scalar<double>(connection, "SELECT sum(quantity) FROM events WHERE event = 'api_call' AND timestamp >= TIMESTAMP '2026-11-08' AND timestamp < TIMESTAMP '2026-11-15'");
        Assert.True(sum > 0);
        Assert.Equal(sum, kpi.GetProperty("value").GetDouble());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static T Scalar<T>(DuckDBConnection connection, string sql) =>
        (T)Convert.ChangeType(DuckDbCommands.Scalar(connection, sql)!, typeof(T), CultureInfo.InvariantCulture);

    private async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        // The installed tool's launcher finds the runtime the tests run on, wherever that dotnet is installed.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Environment.ProcessPath);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }
}
