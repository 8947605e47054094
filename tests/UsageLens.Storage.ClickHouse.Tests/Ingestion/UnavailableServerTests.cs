using UsageLens.Core;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Http;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Ingestion;

/// <summary>A server that is not there gives a one-line error at start, and a write it did not take is never acknowledged.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class UnavailableServerTests(ClickHouseServers servers)
{
    [Fact]
    public async Task Opening_a_workspace_on_a_closed_port_gives_one_line_naming_the_host()
    {
        var port = ClickHouseServer.FreePorts().Http;
        var address = ClickHouseAddress.Parse($"clickhouse://127.0.0.1:{port}/nowhere");

        var error = await Assert.ThrowsAsync<UsageLensException>(() => ClickHouseWorkspace.OpenAsync(address, default));

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Opening_a_cluster_that_remote_servers_does_not_know_gives_one_line_naming_it()
    {
        ClickHouseRequirement.Check();
        var hosts = string.Join(",", servers.Shards.Select(s => $"127.0.0.1:{s.HttpPort}"));
        var address = ClickHouseAddress.Parse($"clickhouse://{hosts}/elsewhere?cluster=no_such_cluster");

        var error = await Assert.ThrowsAsync<UsageLensException>(() => ClickHouseWorkspace.OpenAsync(address, default));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("no_such_cluster", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_write_to_a_server_that_went_down_fails_as_unavailable_and_is_not_acknowledged()
    {
        ClickHouseRequirement.Check();
        var ports = ClickHouseServer.FreePorts();
        var server = await ClickHouseServer.StartAsync(ports, [ports.Tcp]);
        var stopped = false;
        try
        {
            using var workspace = await ClickHouseWorkspace.OpenAsync(ClickHouseAddress.Parse($"clickhouse://127.0.0.1:{ports.Http}/gone"), default);
            using var store = new ClickHouseIngestionStore(workspace, TimeProvider.System) { MinimumInsertInterval = TimeSpan.Zero };
            Assert.Equal(new IngestOutcome(1, 0, 0, 0), await store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("1", "a1", 1)]), default));

            server.Dispose();
            stopped = true;

            var error = await Assert.ThrowsAsync<ClickHouseUnavailableException>(() => store.WriteAsync(IngestBatch.OfEvents([SampleEvents.Call("2", "a1", 2)]), default));
            Assert.Contains($"127.0.0.1:{ports.Http}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (!stopped)
            {
                server.Dispose();
            }
        }
    }
}
