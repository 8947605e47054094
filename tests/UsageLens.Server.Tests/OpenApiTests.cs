using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_ingestion_endpoints_without_a_key()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.ClientWithKey(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Json.ReadAsync(response);
        var paths = document.GetProperty("paths");
        string[] expected = ["/v1/batch", "/v1/track", "/v1/identify", "/v1/group", "/v1/page", "/v1/screen", "/api/v1/events"];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), path));
        Assert.True(paths.GetProperty("/v1/batch").GetProperty("post").GetProperty("responses").TryGetProperty("413", out _));
        var ask = paths.GetProperty("/api/v1/ask").GetProperty("post");
        Assert.True(ask.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(ask.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal("basic", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("segmentWriteKey").GetProperty("scheme").GetString());
    }
}
