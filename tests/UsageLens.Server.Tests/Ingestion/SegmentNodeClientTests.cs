using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>The unmodified Segment Node client (tests/segment-client) against the real server.</summary>
public sealed class SegmentNodeClientTests
{
    [SkippableFact]
    public async Task The_segment_node_client_delivers_every_call_exactly_once()
    {
        var client = NodeClient.Require("segment-client", "@segment/analytics-node");
        await using var server = await RunningServer.StartAsync();

        var sent = await client.SendAsync(server);

        var delivered = sent.GetProperty("delivered").EnumerateArray().Select(e => e.GetString()!).ToList();
        // 1 group + 1 identify + 120 tracks, every one acknowledged.
        Assert.Equal(122, delivered.Count);
        Assert.Equal(120, server.Count("SELECT count(*) FROM events"));
        Assert.Equal(120, server.Count("SELECT count(DISTINCT id) FROM events"));
        Assert.Equal(120, server.Count("SELECT count(*) FROM events WHERE list_contains($1, id)", (object)delivered.ToArray()));
        ScriptedApiCalls.AssertStoredOnce(server);
        Assert.Equal(1, server.Count("SELECT count(*) FROM accounts WHERE account_id = 'acme' AND plan = 'enterprise' AND licensed_seats = 40"));
        Assert.Equal(1, server.Count("SELECT count(*) FROM users WHERE user_id = 'u-1' AND account_id = 'acme' AND email = 'ada@acme.test'"));
    }
}
