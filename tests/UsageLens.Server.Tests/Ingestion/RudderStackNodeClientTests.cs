using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>
/// The unmodified RudderStack Node SDK (tests/rudderstack-client) against the real server. It speaks Segment's
/// protocol with its own habits: gzip bodies labelled application/x-www-form-urlencoded, the first call sent
/// alone at once, and originalTimestamp with a per-message sentAt instead of timestamp.
/// </summary>
public sealed class RudderStackNodeClientTests
{
    [SkippableFact]
    public async Task The_rudderstack_node_sdk_delivers_every_call_exactly_once_with_its_account_user_and_properties()
    {
        var client = NodeClient.Require("rudderstack-client", "@rudderstack/rudder-sdk-node");
        await using var server = await RunningServer.StartAsync();
        var before = DateTime.UtcNow.AddSeconds(-5);

        var sent = await client.SendAsync(server);

        // 1 group + 1 identify + 120 tracks, every one acknowledged.
        Assert.Equal(122, sent.GetProperty("delivered").GetInt32());
        Assert.Equal(120, server.Count("SELECT count(*) FROM events"));
        Assert.Equal(120, server.Count("SELECT count(DISTINCT id) FROM events"));
        // Each i = 1..120 the script sent is stored once, under the event, user and account it was sent with.
        ScriptedApiCalls.AssertStoredOnce(server);
        ScriptedApiCalls.AssertTimedSince(server, before);
        Assert.Equal(1, server.Count("SELECT count(*) FROM accounts WHERE account_id = 'acme' AND plan = 'enterprise' AND licensed_seats = 40"));
        Assert.Equal(1, server.Count("SELECT count(*) FROM users WHERE user_id = 'u-1' AND account_id = 'acme' AND email = 'ada@acme.test'"));
    }
}
