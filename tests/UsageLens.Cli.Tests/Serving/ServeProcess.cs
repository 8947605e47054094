using System.Diagnostics;
using System.Text.RegularExpressions;

namespace UsageLens.Cli.Tests.Serving;

/// <summary>A running <c>usagelens serve</c> child process on a free port; disposing it kills it if it still runs.</summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _rest;
    private readonly Task<string> _errors;

    private ServeProcess(Process process, Uri address, Task<string> rest, Task<string> errors)
    {
        _process = process;
        Address = address;
        _rest = rest;
        _errors = errors;
    }

    public Uri Address { get; }

    public static async Task<ServeProcess> StartAsync(string directory, string workspace, params string[] extra)
    {
        var process = Process.Start(CliProcess.StartInfo(directory, ["--db", workspace, "serve", "--urls", "http://127.0.0.1:0", .. extra]))!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (ServingLine().Match(line) is { Success: true } match)
            {
                return new ServeProcess(process, new Uri(match.Groups[1].Value), process.StandardOutput.ReadToEndAsync(), errors);
            }
        }
        throw new InvalidOperationException($"serve ended before listening: {seen}{await errors}");
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns the exit code and everything printed after start-up.</summary>
    public async Task<(int Exit, string Output)> TerminateAsync(TimeSpan within)
    {
        await CliProcess.TerminateAsync(_process);
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await _rest + await _errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"^Serving on (http://\S+) ")]
    private static partial Regex ServingLine();
}
