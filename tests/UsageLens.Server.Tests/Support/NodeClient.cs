using System.Diagnostics;
using System.Text.Json;

namespace UsageLens.Server.Tests.Support;

/// <summary>
/// A real analytics SDK in its own folder under tests/ (pinned by its package-lock.json, installed by .ci/run
/// with <c>npm ci</c>), driven by the folder's <c>send.mjs HOST KEY</c>. Without node or the installed package the
/// test is skipped, except when CI=true, where that is a failure.
/// </summary>
internal sealed class NodeClient
{
    private NodeClient(string folder) => Directory = Path.Combine(RepositoryRoot(), "tests", folder);

    public string Directory { get; }

    /// <summary>The client in tests/<paramref name="folder"/>; <paramref name="package"/> is the npm package it drives.</summary>
    public static NodeClient Require(string folder, string package)
    {
        var client = new NodeClient(folder);
        var hint = $"run: npm ci --prefix tests/{folder}";
        var missing = FindOnPath("node") is null ? "node is not on PATH"
            : !System.IO.Directory.Exists(Path.Combine(client.Directory, "node_modules", package)) ? $"tests/{folder}/node_modules/{package} is missing"
            : null;
        if (missing is not null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"{missing} and CI=true: the {package} client test must run in CI; {hint}");
        }
        Skip.If(missing is not null, $"{missing}; {hint}");
        return client;
    }

    /// <summary>Runs <c>node send.mjs</c> against <paramref name="server"/> with its writer key and returns the JSON of its last stdout line.</summary>
    public async Task<JsonElement> SendAsync(RunningServer server)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["send.mjs", server.Address.ToString().TrimEnd('/'), server.WriterKey])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node send.mjs in {Directory} did not finish in 90 s: {await stderr}");
        }
        Assert.True(process.ExitCode == 0, $"node send.mjs exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]).RootElement.Clone();
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

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
