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
        Assert.Equal(120, server.Count("SELECT count(DISTINCT CAST(properties->>'i' AS INTEGER)) FROM events WHERE CAST(properties->>'i' AS INTEGER) BETWEEN 1 AND 120"));
        Assert.Equal(120, server.Count("""
            SELECT count(*) FROM events
            WHERE event = 'api_call' AND original_event = 'API Call' AND account_id = 'acme' AND unit = 'requests'
              AND quantity = CAST(properties->>'i' AS INTEGER) % 7 + 1
              AND user_id = CASE WHEN CAST(properties->>'i' AS INTEGER) <= 10 THEN 'u-1' ELSE 'u-' || (1 + CAST(properties->>'i' AS INTEGER) % 3) END
            """));
        // quantity = i % 7 + 1 for i = 1..120: 120 + (17 full cycles of 0..6 = 357) + (120 % 7 = 1) = 478.
        Assert.Equal(478, server.Count("SELECT sum(quantity)::BIGINT FROM events WHERE account_id = 'acme'"));
        Assert.Equal(0, server.Count("SELECT count(*) FROM events WHERE timestamp < $1 OR timestamp > $2", before, DateTime.UtcNow.AddSeconds(5)));
        Assert.Equal(1, server.Count("SELECT count(*) FROM accounts WHERE account_id = 'acme' AND plan = 'enterprise' AND licensed_seats = 40"));
        Assert.Equal(1, server.Count("SELECT count(*) FROM users WHERE user_id = 'u-1' AND account_id = 'acme' AND email = 'ada@acme.test'"));
    }
}
