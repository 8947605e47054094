using System.Diagnostics;
using System.Net;
using UsageLens.Server.Tests.Support;
using Xunit.Abstractions;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>Also reports throughput: run with <c>--logger "console;verbosity=detailed"</c> to see it.</summary>
public sealed class ThroughputTests(ITestOutputHelper output)
{
    private const int Clients = 16;
    private const int RequestsPerClient = 25;
    private const int EventsPerRequest = 100;

    private static string Batch(int request) => "{\"batch\": [" + string.Join(",", Enumerable.Range(0, EventsPerRequest).Select(i =>
        $$$"""{"type": "track", "messageId": "m-{{{request}}}-{{{i}}}", "event": "api_call", "userId": "u-{{{i % 20}}}", "context": {"groupId": "acct-{{{i % 50}}}"}, "timestamp": "2026-10-01T10:00:00Z", "properties": {"quantity": 1} }""")) + "]}";

    [Fact]
    public async Task Sixteen_clients_sending_400_batches_at_once_are_all_stored_in_fewer_commits_than_requests()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { RequestsPerSecondPerKey = 100_000, RequestBurstPerKey = 100_000 });
        var client = server.Writer();
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            for (var r = 0; r < RequestsPerClient; r++)
            {
                var response = await client.PostAsync("/v1/batch", Json.Body(Batch(c * 1000 + r)));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        watch.Stop();
        output.WriteLine($"{Clients * RequestsPerClient} requests x {EventsPerRequest} events from {Clients} clients: {watch.Elapsed.TotalSeconds:F2} s, "
            + $"{Clients * RequestsPerClient * EventsPerRequest / watch.Elapsed.TotalSeconds:F0} events/s, {server.Commits} commits");
        Assert.Equal(40_000, server.Count("SELECT count(*) FROM events"));
        Assert.InRange(server.Commits, 1, Clients * RequestsPerClient - 1);
    }
}
