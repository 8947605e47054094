using UsageLens.Benchmarks.Overview;
using UsageLens.Core.Sql;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse;
using UsageLens.Storage.ClickHouse.Migration;
using UsageLens.Storage.ClickHouse.Querying;
using UsageLens.Storage.ClickHouse.Tests.Support;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Benchmarks.Engines;

/// <summary>
/// The 20M-event benchmark workspace on the three engines: the DuckDB file, one ClickHouse server and
/// a two-shard cluster, both real clickhouse-server processes from the Debian package on loopback.
/// Their data directories live in the temp directory and survive the run, so the copy from the
/// DuckDB file (through <see cref="WorkspaceMigration"/>) is made once; the servers stop with the process.
/// </summary>
internal sealed class BenchmarkEngines
{
    private const string Database = "bench";

    private static readonly SqlSelect s_countEvents = new(
        [new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "events")], new SqlTable(WorkspaceTable.Events, "e"));
    private static readonly Lazy<Task<BenchmarkEngines>> s_instance = new(StartAsync);

    private BenchmarkEngines(DuckDbWorkspace duck, ClickHouseWorkspace single, ClickHouseWorkspace cluster, ClickHouseServer[] servers)
    {
        Duck = duck;
        Single = single;
        Cluster = cluster;
        Servers = servers;
    }

    public DuckDbWorkspace Duck { get; }

    public ClickHouseWorkspace Single { get; }

    public ClickHouseWorkspace Cluster { get; }

    public IReadOnlyList<ClickHouseServer> Servers { get; }

    /// <summary>The events in the benchmark workspace file.</summary>
    public long EventCount { get; private init; }

    public static Task<BenchmarkEngines> Instance => s_instance.Value;

    /// <summary>A fresh database address on the single server or on the cluster, for import runs.</summary>
    public string Address(bool cluster, string database) => cluster
        ? $"clickhouse://127.0.0.1:{Servers[1].HttpPort},127.0.0.1:{Servers[2].HttpPort}/{database}?cluster={ClickHouseServer.ClusterName}"
        : $"clickhouse://127.0.0.1:{Servers[0].HttpPort}/{database}";

    private static async Task<BenchmarkEngines> StartAsync()
    {
        if (!ClickHouseServer.IsInstalled)
        {
            throw new InvalidOperationException("the engine benchmarks need clickhouse-server: apt-get install clickhouse-server");
        }
        var root = Path.Combine(Path.GetTempPath(), "usagelens-bench-clickhouse");
        var single = ClickHouseServer.FreePorts();
        var shards = new[] { ClickHouseServer.FreePorts(), ClickHouseServer.FreePorts() };
        var servers = new[]
        {
            await ClickHouseServer.StartAsync(single, [single.Tcp], Path.Combine(root, "single")),
            await ClickHouseServer.StartAsync(shards[0], [.. shards.Select(s => s.Tcp)], Path.Combine(root, "shard1")),
            await ClickHouseServer.StartAsync(shards[1], [.. shards.Select(s => s.Tcp)], Path.Combine(root, "shard2")),
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Array.ForEach(servers, s => s.Dispose());
        var duck = BenchmarkWorkspace.Open();
        var engines = new BenchmarkEngines(duck, null!, null!, servers);
        var events = await CountAsync(new DuckDbQueryStore(duck));
        var singleWorkspace = await LoadedAsync(duck, events, engines.Address(cluster: false, Database));
        var clusterWorkspace = await LoadedAsync(duck, events, engines.Address(cluster: true, Database));
        return new BenchmarkEngines(duck, singleWorkspace, clusterWorkspace, servers) { EventCount = events };
    }

    // A copy that finished before (as many events as the file) is used as it is; anything else is
    // copied, or resumed, by the migration.
    private static async Task<ClickHouseWorkspace> LoadedAsync(DuckDbWorkspace duck, long events, string address)
    {
        var workspace = await ClickHouseWorkspace.OpenAsync(ClickHouseAddress.Parse(address), default);
        if (await CountAsync(new ClickHouseQueryStore(workspace)) == events)
        {
            return workspace;
        }
        Console.WriteLine($"// loading {address} from {duck.Path} (once; resumed if it was interrupted)");
        var outcome = await new WorkspaceMigration(new DuckDbQueryStore(duck), workspace, TimeProvider.System).RunAsync(null, default);
        Console.WriteLine($"// {address}: {string.Join(", ", outcome.Rows.Select(r => $"{r.Key} {r.Value:N0}"))}");
        return workspace;
    }

    private static async Task<long> CountAsync(IQueryStore store) =>
        (await store.QueryAsync(s_countEvents, default))[0].GetInt64("events");
}
