using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>The unmodified PostHog Node SDK (tests/posthog-client) against the real server's PostHog endpoints.</summary>
public sealed class PostHogNodeClientTests
{
    [SkippableFact]
    public async Task The_posthog_node_sdk_delivers_every_event_exactly_once_with_its_account_user_and_properties()
    {
        var client = NodeClient.Require("posthog-client", "posthog-node");
        await using var server = await RunningServer.StartAsync();
        var before = DateTime.UtcNow.AddSeconds(-5);

        var sent = await client.SendAsync(server);

        var delivered = sent.GetProperty("delivered").EnumerateArray().Select(e => e.GetString()!).ToList();
        // $groupidentify + $identify + 120 captures + 1 $pageview, all acknowledged; the last 121 are usage events.
        Assert.Equal(123, delivered.Count);
        Assert.Equal(121, server.Count("SELECT count(*) FROM events"));
        Assert.Equal(121, server.Count("SELECT count(DISTINCT id) FROM events WHERE list_contains($1, id)", (object)delivered.ToArray()));
        ScriptedApiCalls.AssertStoredOnce(server);
        Assert.Equal(1, server.Count("SELECT count(*) FROM events WHERE event = 'page_view' AND user_id = 'u-2' AND account_id = 'acme'"));
        // PostHog's own $ properties ($lib, $groups, ...) and account_id are not stored as event properties.
        Assert.Equal(0, server.Count("SELECT count(*) FROM events WHERE CAST(properties AS VARCHAR) LIKE '%$%' OR CAST(properties AS VARCHAR) LIKE '%account_id%'"));
        ScriptedApiCalls.AssertTimedSince(server, before);
        Assert.Equal(1, server.Count("SELECT count(*) FROM accounts WHERE account_id = 'acme' AND plan = 'enterprise' AND licensed_seats = 40"));
        Assert.Equal(1, server.Count("SELECT count(*) FROM users WHERE user_id = 'u-1' AND email = 'ada@acme.test'"));
    }
}
