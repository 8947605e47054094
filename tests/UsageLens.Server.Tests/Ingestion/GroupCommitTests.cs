using System.Net;
using UsageLens.Server.Tests.Support;
using Xunit.Abstractions;

namespace UsageLens.Server.Tests.Ingestion;

public sealed class GroupCommitTests(ITestOutputHelper output)
{
    private static StringContent Call(int i) => Json.Body($$$"""
        {"messageId": "m-{{{i}}}", "event": "api_call", "userId": "u-{{{i % 5}}}", "context": {"groupId": "acme"},
         "timestamp": "2026-10-01T10:00:00Z", "properties": {"quantity": {{{i}}} }}
        """);

    [Fact]
    public async Task Concurrent_requests_share_commits_and_are_all_stored()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { GroupCommitMaxDelay = TimeSpan.FromMilliseconds(20) });
        var client = server.Writer();

        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => client.PostAsync("/v1/track", Call(i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(50, server.Count("SELECT count(*) FROM events"));
        // 1 + 2 + ... + 50
        Assert.Equal(1275, server.Count("SELECT sum(quantity)::BIGINT FROM events"));
        output.WriteLine($"50 concurrent requests were stored in {server.Commits} commits");
        Assert.InRange(server.Commits, 1, 49);
    }

    [Fact]
    public async Task Events_answered_200_survive_closing_and_reopening_the_workspace()
    {
        var server = await RunningServer.StartAsync();
        try
        {
            var response = await server.Writer().PostAsync("/v1/track", Call(42));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await server.StopAsync();

            using var reopened = Storage.DuckDb.DuckDbWorkspace.Open(server.WorkspacePath);
            using var connection = reopened.OpenConnection();
            Assert.Equal(42.0, Storage.DuckDb.DuckDbCommands.Scalar(connection, "SELECT sum(quantity) FROM events WHERE id = 'm-42'"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
