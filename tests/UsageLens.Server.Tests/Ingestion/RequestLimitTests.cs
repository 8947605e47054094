using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

public sealed class RequestLimitTests
{
    private static string Batch(int messages, int padding = 0) =>
        "{\"batch\": [" + string.Join(",", Enumerable.Range(1, messages).Select(i =>
            $$$"""{"type": "track", "messageId": "m-{{{i}}}", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "timestamp": "2026-10-01T10:00:00Z", "properties": {"note": "{{{new string('x', padding)}}}"}}""")) + "]}";

    private static ByteArrayContent Gzipped(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    [Fact]
    public async Task A_gzip_encoded_batch_is_decoded_and_stored()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Writer().PostAsync("/v1/batch", Gzipped(Batch(25)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_batch_over_500_kb_is_answered_413()
    {
        await using var server = await RunningServer.StartAsync();
        // 60 messages of about 10 KB each: 600 KB, each message under the 32 KB per-call limit.
        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(Batch(60, padding: 10_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_single_call_over_32_kb_is_answered_413()
    {
        await using var server = await RunningServer.StartAsync();
        var call = $$$"""{"messageId": "m-1", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "properties": {"note": "{{{new string('x', 40_000)}}}"}}""";

        var response = await server.Writer().PostAsync("/v1/track", Json.Body(call));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_zip_bomb_is_answered_413_after_reading_only_the_limit()
    {
        await using var server = await RunningServer.StartAsync();
        // 50 MB of spaces compress to about 50 KB; the server must stop at 500 KB decoded.
        var bomb = Gzipped("{\"batch\": [" + new string(' ', 50_000_000) + "]}");

        var response = await server.Writer().PostAsync("/v1/batch", bomb);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_is_answered_400()
    {
        await using var server = await RunningServer.StartAsync();
        var content = new ByteArrayContent([0x1f, 0x8b, 0x08, 0x00, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42]);
        content.Headers.ContentEncoding.Add("gzip");

        var response = await server.Writer().PostAsync("/v1/batch", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Random_bytes_are_answered_400_not_500()
    {
        await using var server = await RunningServer.StartAsync();
        var garbage = new byte[2048];
        new Random(7).NextBytes(garbage);

        var response = await server.Writer().PostAsync("/v1/batch", new ByteArrayContent(garbage));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_json_string_is_answered_400_not_500()
    {
        await using var server = await RunningServer.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"batch\": [{\"type\": \"track\", \"messageId\": \"m-\u00e9\", \"event\": \"e\"}]}");
        bytes[Array.IndexOf(bytes, (byte)0xC3)] = 0xFF;

        var response = await server.Writer().PostAsync("/v1/batch", new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("the body is not valid UTF-8", (await Json.ReadAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Requests_over_the_per_key_rate_are_answered_429_with_retry_after()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { RequestsPerSecondPerKey = 1, RequestBurstPerKey = 2 });
        var client = server.Writer();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await client.PostAsync("/v1/batch", Json.Body(Batch(1))));
        }

        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        // Another key has its own bucket.
        var other = await server.ClientWithKey(server.AdminKey).PostAsync("/v1/batch", Json.Body(Batch(1)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
