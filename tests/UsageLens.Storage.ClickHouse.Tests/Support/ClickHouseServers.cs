namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>
/// The servers the ClickHouse tests share: one single server and a two-shard cluster, started once
/// per test run (see <see cref="SharedServerSet"/>), or once per assembly when the run does not share
/// them. Each test uses its own database, named after its process, so tests never see each other's rows.
/// </summary>
public sealed class ClickHouseServers : IAsyncLifetime
{
    private readonly List<ClickHouseServer> _servers = [];
    private int _databases;

    internal ClickHouseServer? Single { get; private set; }

    internal IReadOnlyList<ClickHouseServer> Shards => _servers.Skip(1).ToList();

    public async Task InitializeAsync()
    {
        if (!ClickHouseServer.IsInstalled)
        {
            return;
        }
        if (SharedServerSet.RunDirectory is { } run)
        {
            _servers.AddRange(await SharedServerSet.JoinAsync(run));
            Single = _servers[0];
            return;
        }
        var single = ClickHouseServer.FreePorts();
        Single = await ClickHouseServer.StartAsync(single, [single.Tcp]);
        _servers.Add(Single);
        var shardPorts = new[] { ClickHouseServer.FreePorts(), ClickHouseServer.FreePorts() };
        foreach (var ports in shardPorts)
        {
            _servers.Add(await ClickHouseServer.StartAsync(ports, [.. shardPorts.Select(p => p.Tcp)]));
        }
    }

    /// <summary>A fresh database on the single server.</summary>
    internal ClickHouseAddress SingleDatabase()
    {
        ClickHouseRequirement.Check();
        return ClickHouseAddress.Parse($"clickhouse://127.0.0.1:{Single!.HttpPort}/{NextDatabase()}");
    }

    /// <summary>A fresh database on the two-shard cluster.</summary>
    internal ClickHouseAddress ClusterDatabase()
    {
        ClickHouseRequirement.Check();
        var hosts = string.Join(",", Shards.Select(s => $"127.0.0.1:{s.HttpPort}"));
        return ClickHouseAddress.Parse($"clickhouse://{hosts}/{NextDatabase()}?cluster={ClickHouseServer.ClusterName}");
    }

    /// <summary>A fresh database on the single server ("single") or on the cluster ("cluster").</summary>
    internal ClickHouseAddress Database(string layout) => layout switch
    {
        "single" => SingleDatabase(),
        "cluster" => ClusterDatabase(),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "single or cluster"),
    };

    private string NextDatabase() => $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";

    public Task DisposeAsync()
    {
        _servers.ForEach(s => s.Dispose());
        return Task.CompletedTask;
    }
}
