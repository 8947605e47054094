using System.Globalization;
using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Rollups;

/// <summary>While serving, the rollup rows that separate commits add for the same key are folded back to one.</summary>
public sealed class RollupCompactorTests
{
    // One call of quantity n at 10+n o'clock on 2026-10-01, by u-1 of acme.
    private static string Batch(int n) =>
        "{\"batch\": [{\"type\": \"track\", \"messageId\": \"c-" + n + "\", \"event\": \"api_call\", \"userId\": \"u-1\", "
        + "\"timestamp\": \"2026-10-01T" + (10 + n) + ":00:00Z\", \"context\": {\"groupId\": \"acme\"}, \"properties\": {\"quantity\": " + n + "}}]}";

    [Fact]
    public async Task Five_separate_commits_for_one_key_end_as_one_rollup_row_with_their_sum()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { RollupCompactionInterval = TimeSpan.FromMilliseconds(200) });

        // One request at a time: each is its own commit, and each adds its own row for (2026-10-01, acme, u-1, api_call).
        for (var n = 1; n <= 5; n++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(Batch(n)))).StatusCode);
        }

        for (var waited = 0; server.Count("SELECT count(*) FROM rollup_user_days") > 1; waited += 100)
        {
            Assert.True(waited < 30_000, "the rollups were not compacted within 30 s");
            await Task.Delay(100);
        }
        // 1 + 2 + 3 + 4 + 5 calls, in 5 events.
        Assert.Equal(1, server.Count("SELECT count(*) FROM rollup_account_days"));
        Assert.Equal("5|15", Convert.ToString(server.Scalar("SELECT events || '|' || quantity::INTEGER FROM rollup_user_days"), CultureInfo.InvariantCulture));
        Assert.Equal(0, server.Count("SELECT count(*) FROM rollup_dirty_days"));
    }
}
