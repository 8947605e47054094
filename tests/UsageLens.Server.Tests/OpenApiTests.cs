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
        string[] expected = ["metric", "from", "to", "period", "grain", "group-by", "where", "top", "top-where", "rank-by", "variant", "previous", "as-of", "sql", "format"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("array", parameters["group-by"].GetProperty("type").GetString());
        Assert.Equal("date", parameters["from"].GetProperty("format").GetString());
        Assert.Equal("boolean", parameters["previous"].GetProperty("type").GetString());
        Assert.True(parameters["previous"].GetProperty("default").GetBoolean());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_insight_response_and_its_problems()
    {
        await using var server = await RunningServer.StartAsync();

        var document = await Json.ReadAsync(await server.ClientWithKey(null).GetAsync("/openapi/v1.json"));

        var responses = document.GetProperty("paths").GetProperty("/api/v1/insights/{name}").GetProperty("get").GetProperty("responses");
        Assert.Equal("#/components/schemas/InsightResultJson", responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.All(["400", "403", "404"], status => Assert.True(responses.TryGetProperty(status, out _), status));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var result = schemas.GetProperty("InsightResultJson").GetProperty("properties");
        Assert.All(["insight", "as_of", "method", "summary", "figures", "series", "findings", "sql"], name => Assert.True(result.TryGetProperty(name, out _), name));
        var finding = schemas.GetProperty("InsightFindingJson").GetProperty("properties");
        Assert.All(["subject", "kind", "score", "why", "values"], name => Assert.True(finding.TryGetProperty(name, out _), name));
    }
}
