using System.Net;
using UsageLens.Storage.ClickHouse.Tests.Support;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>The server over a ClickHouse workspace whose server goes away while events keep arriving.</summary>
public sealed class ClickHouseOutageTests
{
    private const string Batch = """
        {"batch": [
          {"type": "track", "messageId": "m-NUMBER", "event": "api_call", "userId": "u-1", "timestamp": "2026-10-01T10:00:00Z",
           "context": {"groupId": "acme"}, "properties": {"quantity": 3}}
        ]}
        """;

    [SkippableFact]
    public async Task While_clickhouse_is_down_new_events_are_answered_503_with_retry_after()
    {
        ClickHouseRequirement.Check();
        await using var serving = await ClickHouseServing.StartAsync("outage");
        var client = serving.Writer;

        var before = await client.PostAsync("/v1/batch", Json.Body(Batch.Replace("NUMBER", "1", StringComparison.Ordinal)));
        var rows = await new HttpClient().GetStringAsync(new Uri($"http://127.0.0.1:{serving.ClickHouse.HttpPort}/?query=SELECT%20count()%20FROM%20outage.events"));
        serving.StopClickHouse();
        var during = await client.PostAsync("/v1/batch", Json.Body(Batch.Replace("NUMBER", "2", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("1", rows.Trim());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("1", during.Headers.GetValues("Retry-After").Single());
    }
}
