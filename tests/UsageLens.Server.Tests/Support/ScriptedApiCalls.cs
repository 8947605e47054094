namespace UsageLens.Server.Tests.Support;

/// <summary>
/// The 120 "API Call" events every SDK script under tests/*-client sends: for i = 1..120, quantity i % 7 + 1 in
/// unit requests, property i, account acme, user u-1 for i ≤ 10 and u-(1 + i % 3) after.
/// </summary>
internal static class ScriptedApiCalls
{
    /// <summary>Each i was stored exactly once, under the event, user, account, quantity and unit it was sent with.</summary>
    public static void AssertStoredOnce(RunningServer server)
    {
        Assert.Equal(120, server.Count("SELECT count(DISTINCT CAST(properties->>'i' AS INTEGER)) FROM events WHERE CAST(properties->>'i' AS INTEGER) BETWEEN 1 AND 120"));
        Assert.Equal(120, server.Count("""
            SELECT count(*) FROM events
            WHERE event = 'api_call' AND original_event = 'API Call' AND account_id = 'acme' AND unit = 'requests'
              AND quantity = CAST(properties->>'i' AS INTEGER) % 7 + 1
              AND user_id = CASE WHEN CAST(properties->>'i' AS INTEGER) <= 10 THEN 'u-1' ELSE 'u-' || (1 + CAST(properties->>'i' AS INTEGER) % 3) END
            """));
        // quantity = i % 7 + 1 for i = 1..120: 120 + (17 full cycles of 0..6 = 357) + (120 % 7 = 1) = 478.
        Assert.Equal(478, server.Count("SELECT sum(quantity)::BIGINT FROM events WHERE event = 'api_call' AND account_id = 'acme'"));
    }

    /// <summary>No stored event is timed outside [<paramref name="from"/>, now + 5 s]: the SDK's own clock was used.</summary>
    public static void AssertTimedSince(RunningServer server, DateTime from) =>
        Assert.Equal(0, server.Count("SELECT count(*) FROM events WHERE timestamp < $1 OR timestamp > $2", from, DateTime.UtcNow.AddSeconds(5)));
}
