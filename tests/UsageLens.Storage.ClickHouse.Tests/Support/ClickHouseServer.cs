using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>
/// A real clickhouse-server process on loopback ports with its own data directory, started from
/// the Debian package's binary. Several can form a cluster: each is told about all shards in its
/// <c>remote_servers</c> section.
/// </summary>
internal sealed class ClickHouseServer : IDisposable
{
    public const string Binary = "/usr/bin/clickhouse-server";
    public const string ClusterName = "usagelens_test";

    // Null for a server this process did not start and must not stop (one of a test run's shared set).
    private readonly Process? _process;
    private readonly bool _keepData;

    private ClickHouseServer(Process? process, string directory, bool keepData, int httpPort, int tcpPort)
    {
        _process = process;
        _keepData = keepData;
        Directory = directory;
        HttpPort = httpPort;
        TcpPort = tcpPort;
    }

    public string Directory { get; }

    public int HttpPort { get; }

    public int TcpPort { get; }

    /// <summary>Whether the Debian package is installed here.</summary>
    public static bool IsInstalled => File.Exists(Binary) || File.Exists("/usr/sbin/clickhouse-server");

    /// <summary>Free loopback ports for one server: HTTP, native TCP and interserver.</summary>
    public static (int Http, int Tcp, int Interserver) FreePorts() => (FreePort(), FreePort(), FreePort());

    /// <summary>
    /// Starts a server; <paramref name="shardTcpPorts"/> lists the native ports of every shard of its cluster.
    /// A given <paramref name="dataDirectory"/> is kept after the server stops (benchmarks reuse loaded data);
    /// otherwise a fresh temporary one is used and deleted.
    /// </summary>
    public static async Task<ClickHouseServer> StartAsync((int Http, int Tcp, int Interserver) ports, IReadOnlyList<int> shardTcpPorts, string? dataDirectory = null)
    {
        var directory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "usagelens-clickhouse-" + Guid.NewGuid().ToString("N")[..12]);
        var config = await WriteConfigAsync(directory, ports, shardTcpPorts);
        var process = Process.Start(new ProcessStartInfo(InstalledBinary, ["--config-file=" + config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        }) ?? throw new InvalidOperationException("clickhouse-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ClickHouseServer(process, directory, dataDirectory is not null, ports.Http, ports.Tcp);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>
    /// Starts a server that outlives this process, in its own session with its output in files, for a
    /// set shared by every test assembly of a run; whoever created the run directory stops it by the
    /// returned process id. Disposing the returned object leaves the server running.
    /// </summary>
    public static async Task<(ClickHouseServer Server, int ProcessId)> StartDetachedAsync((int Http, int Tcp, int Interserver) ports, IReadOnlyList<int> shardTcpPorts, string directory)
    {
        var config = await WriteConfigAsync(directory, ports, shardTcpPorts);
        var start = new ProcessStartInfo("/bin/sh", ["-c", "setsid \"$0\" --config-file=\"$1\" >\"$2\" 2>&1 </dev/null & echo $!", InstalledBinary, config, Path.Combine(directory, "stdout.log")])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        using var shell = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start");
        var processId = int.Parse((await shell.StandardOutput.ReadToEndAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await shell.WaitForExitAsync();
        var server = new ClickHouseServer(null, directory, keepData: true, ports.Http, ports.Tcp);
        await server.WaitUntilReadyAsync();
        return (server, processId);
    }

    /// <summary>A server already running on <paramref name="httpPort"/>, once it answers; this process will not stop it.</summary>
    public static async Task<ClickHouseServer> AttachAsync(int httpPort, int tcpPort, string directory)
    {
        var server = new ClickHouseServer(null, directory, keepData: true, httpPort, tcpPort);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                if (!_keepData)
                {
                    System.IO.Directory.Delete(Directory, recursive: true);
                }
            }
            catch (IOException)
            {
                // A file still held by the exiting server only leaves a temp directory behind.
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process?.HasExited == true)
            {
                throw new InvalidOperationException($"clickhouse-server exited with {_process.ExitCode}; see {Directory}/err.log");
            }
            try
            {
                if ((await http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}/ping"))).StartsWith("Ok", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"clickhouse-server on port {HttpPort} was not ready after 60 s");
    }

    private static string InstalledBinary => File.Exists(Binary) ? Binary : "/usr/sbin/clickhouse-server";

    private static async Task<string> WriteConfigAsync(string directory, (int Http, int Tcp, int Interserver) ports, IReadOnlyList<int> shardTcpPorts)
    {
        System.IO.Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "config.xml");
        await File.WriteAllTextAsync(config, Config(directory, ports, shardTcpPorts));
        return config;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The servers run in a zone that is not UTC, so that any expression that forgot to say UTC shows up as a wrong day.
    private static string Config(string directory, (int Http, int Tcp, int Interserver) ports, IReadOnlyList<int> shardTcpPorts)
    {
        var shards = string.Concat(shardTcpPorts.Select(p => $"<shard><replica><host>127.0.0.1</host><port>{p}</port></replica></shard>"));
        return $"""
            <?xml version="1.0"?>
            <yandex>
              <logger><level>warning</level><log>{directory}/server.log</log><errorlog>{directory}/err.log</errorlog></logger>
              <http_port>{ports.Http}</http_port>
              <tcp_port>{ports.Tcp}</tcp_port>
              <interserver_http_port>{ports.Interserver}</interserver_http_port>
              <listen_host>127.0.0.1</listen_host>
              <path>{directory}/data/</path>
              <tmp_path>{directory}/tmp/</tmp_path>
              <user_files_path>{directory}/user_files/</user_files_path>
              <format_schema_path>{directory}/format_schemas/</format_schema_path>
              <users_config>/etc/clickhouse-server/users.xml</users_config>
              <default_profile>default</default_profile>
              <default_database>default</default_database>
              <timezone>Asia/Kolkata</timezone>
              <mark_cache_size>268435456</mark_cache_size>
              <uncompressed_cache_size>268435456</uncompressed_cache_size>
              <remote_servers><{ClusterName}>{shards}</{ClusterName}></remote_servers>
            </yandex>
            """;
    }
}
