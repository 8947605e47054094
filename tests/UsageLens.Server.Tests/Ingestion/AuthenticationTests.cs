using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

public sealed class AuthenticationTests
{
    private const string OneCall = """
        {"messageId": "m-1", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "timestamp": "2026-10-01T10:00:00Z"}
        """;

    [Fact]
    public async Task A_request_without_a_key_is_answered_401_with_a_basic_challenge()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.ClientWithKey(null).PostAsync("/v1/track", Json.Body(OneCall));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task An_unknown_key_is_answered_401()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.ClientWithKey("ul_not-a-real-key").PostAsync("/v1/track", Json.Body(OneCall));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("the API key is not known to this workspace", (await Json.ReadAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_read_key_may_not_ingest_and_is_answered_403()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.ClientWithKey(server.AnalystKey).PostAsync("/v1/track", Json.Body(OneCall));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task The_write_key_may_be_sent_in_the_body_as_segment_allows()
    {
        await using var server = await RunningServer.StartAsync();
        var body = $$"""{"writeKey": "{{server.WriterKey}}", "batch": [{{OneCall.Replace("{\"messageId\"", "{\"type\": \"track\", \"messageId\"", StringComparison.Ordinal)}}]}""";

        var response = await server.ClientWithKey(null).PostAsync("/v1/batch", Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task An_admin_key_may_ingest_as_a_bearer_token()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.ClientWithBearer(server.AdminKey);

        var response = await client.PostAsync("/v1/track", Json.Body(OneCall));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Count("SELECT count(*) FROM events"));
    }
}
