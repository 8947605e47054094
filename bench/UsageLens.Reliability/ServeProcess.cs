using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UsageLens.Reliability;

/// <summary>A running <c>usagelens serve</c>, ready once it has printed its address; stopped only by SIGKILL.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _serving;
    private readonly List<string> _errors;

    private ServeProcess(Process process, Task serving, List<string> errors)
    {
        _process = process;
        _serving = serving;
        _errors = errors;
    }

    public int Id => _process.Id;

    /// <summary>Starts <c>serve</c> on <paramref name="port"/> over the workspace named by <paramref name="workspace"/> (<c>--db PATH</c> or <c>--store URL</c>) and waits until it serves.</summary>
    public static async Task<ServeProcess> StartAsync(UsageLensBinary cli, IReadOnlyList<string> workspace, int port, TimeSpan timeout)
    {
        var serve = Launch(cli, workspace, port);
        try
        {
            await serve.ServingAsync(timeout);
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    /// <summary>Starts <c>serve</c> without waiting for it: it may be killed while it opens the workspace.</summary>
    public static ServeProcess Launch(UsageLensBinary cli, IReadOnlyList<string> workspace, int port)
    {
        var process = Process.Start(cli.StartInfo(["serve", .. workspace, "--urls", $"http://127.0.0.1:{port}"]))
            ?? throw new InvalidOperationException("usagelens serve did not start");
        process.StandardInput.Close();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();
        // The server's log, each line with the time it arrived, for setting a slow request beside what the server was doing.
        var serveLog = Environment.GetEnvironmentVariable("USAGELENS_BENCH_SERVE_LOG");
        process.OutputDataReceived += (_, line) =>
        {
            if (serveLog is not null && line.Data is not null)
            {
                lock (errors)
                {
                    File.AppendAllText(serveLog, $"{DateTime.UtcNow:HH:mm:ss.fff} {line.Data}\n");
                }
            }
            if (line.Data?.StartsWith("Serving on", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (errors)
                {
                    errors.Add(text);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServeProcess(process, ready.Task, errors);
    }

    /// <summary>Waits until the server prints its address; fails with its last errors if it exits or times out first.</summary>
    public async Task ServingAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_serving, exited, Task.Delay(timeout));
        if (first == _serving)
        {
            return;
        }
        string tail;
        lock (_errors)
        {
            tail = string.Join('\n', _errors.TakeLast(5));
        }
        throw new InvalidOperationException(first == exited
            ? $"usagelens serve exited {_process.ExitCode} before serving: {tail}"
            : $"usagelens serve did not serve within {timeout.TotalSeconds:0} s: {tail}");
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no finally block runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.WaitForExit();
    }

    /// <summary>Resident memory in bytes, from /proc (Linux).</summary>
    public long ResidentBytes() => ProcessMemory.ResidentBytes(_process.Id);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
