using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Reliability;

/// <summary>
/// The workspace a run works on: a DuckDB file, or a database on a clickhouse-server 18.16 started on free
/// loopback ports with its own data directory (the launcher of the ClickHouse tests) and stopped on dispose.
/// </summary>
internal sealed class RunWorkspace(IReadOnlyList<string> arguments, IStoreCensus census, ClickHouseServer? server) : IDisposable
{
    /// <summary>The <c>usagelens</c> options naming the workspace.</summary>
    public IReadOnlyList<string> Arguments => arguments;

    public IStoreCensus Census => census;

    public static async Task<RunWorkspace> StartAsync(string engine, string directory, string name)
    {
        if (engine != "clickhouse")
        {
            var path = Path.Combine(directory, name + ".duckdb");
            return new RunWorkspace(["--db", path], new DuckDbCensus(path), null);
        }
        var ports = ClickHouseServer.FreePorts();
        var server = await ClickHouseServer.StartAsync(ports, [ports.Tcp], Path.Combine(directory, "clickhouse"));
        return new RunWorkspace(["--store", $"clickhouse://127.0.0.1:{ports.Http}/{name}"], new ClickHouseCensus(ports.Http, name), server);
    }

    public void Dispose() => server?.Dispose();
}
