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

    [Fact]
    public async Task The_openapi_document_describes_every_query_parameter_of_the_kpi_endpoint()
    {
        await using var server = await RunningServer.StartAsync();

        var document = await Json.ReadAsync(await server.ClientWithKey(null).GetAsync("/openapi/v1.json"));

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/kpi/{name}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        string[] expected = ["metric", "from", "to", "period", "grain", "group-by", "where", "top", "top-where", "rank-by", "variant", "previous", "as-of", "sql"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("array", parameters["group-by"].GetProperty("type").GetString());
        Assert.Equal("date", parameters["from"].GetProperty("format").GetString());
        Assert.Equal("boolean", parameters["previous"].GetProperty("type").GetString());
        Assert.True(parameters["previous"].GetProperty("default").GetBoolean());
    }
}
