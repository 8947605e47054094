using System.Globalization;

namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>
/// One set of ClickHouse servers (a single server and a two-shard cluster) for a whole test run, shared
/// by every test assembly that runs in it. <c>.ci/run</c> names a run directory in
/// <see cref="Variable"/>; the first assembly to get there starts the servers detached and writes their
/// ports to <c>servers.txt</c>, later ones attach, and <c>.ci/run</c> stops them by the process ids
/// that file holds. Without the variable each assembly starts and stops its own set.
/// </summary>
internal static class SharedServerSet
{
    public const string Variable = "USAGELENS_TEST_CLICKHOUSE_RUN";

    /// <summary>The run directory, or null when this run does not share servers.</summary>
    public static string? RunDirectory => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } directory ? directory : null;

    /// <summary>The single server first, then the shards: started by this call or by an earlier assembly of the run.</summary>
    public static async Task<IReadOnlyList<ClickHouseServer>> JoinAsync(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        await using var exclusive = await LockAsync(Path.Combine(runDirectory, "lock"));
        var list = Path.Combine(runDirectory, "servers.txt");
        if (File.Exists(list))
        {
            return await AttachAsync(list);
        }
        var servers = await StartAsync(runDirectory);
        await File.WriteAllLinesAsync(list, servers.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Server.HttpPort} {s.Server.TcpPort} {s.ProcessId} {s.Server.Directory}")));
        return [.. servers.Select(s => s.Server)];
    }

    private static async Task<IReadOnlyList<ClickHouseServer>> AttachAsync(string list)
    {
        var servers = new List<ClickHouseServer>();
        foreach (var line in await File.ReadAllLinesAsync(list))
        {
            var fields = line.Split(' ', 4);
            servers.Add(await ClickHouseServer.AttachAsync(int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture), fields[3]));
        }
        return servers;
    }

    private static async Task<List<(ClickHouseServer Server, int ProcessId)>> StartAsync(string runDirectory)
    {
        var single = ClickHouseServer.FreePorts();
        var shards = new[] { ClickHouseServer.FreePorts(), ClickHouseServer.FreePorts() };
        return
        [
            await ClickHouseServer.StartDetachedAsync(single, [single.Tcp], Path.Combine(runDirectory, "single")),
            await ClickHouseServer.StartDetachedAsync(shards[0], [.. shards.Select(p => p.Tcp)], Path.Combine(runDirectory, "shard1")),
            await ClickHouseServer.StartDetachedAsync(shards[1], [.. shards.Select(p => p.Tcp)], Path.Combine(runDirectory, "shard2")),
        ];
    }

    // Test assemblies run in parallel processes: an exclusive lock on a file (flock on Linux) makes one
    // of them start the servers while the others wait to attach.
    private static async Task<FileStream> LockAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
