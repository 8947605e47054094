using System.Net;
using System.Text.Json;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Contract;

public sealed class ApiContractTests
{
    private const string Usage = "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01";

    [Fact]
    public async Task An_unknown_kpi_is_a_404_problem_naming_the_nearest_kpi()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/kpi/usag?metric=api_call", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await Json.ReadAsync(response)).GetProperty("detail").GetString();
        Assert.StartsWith("unknown KPI 'usag' (did you mean ", detail, StringComparison.Ordinal);
        Assert.Contains("'usage'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_key_filtering_on_another_partner_is_a_403_problem()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partner = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key);

        var other = await partner.GetAsync(new Uri(Usage + "&where=partner_id=p-south", UriKind.Relative));
        var own = await partner.GetAsync(new Uri(Usage + "&where=partner_id=p-north", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("p-south", (await Json.ReadAsync(other)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(40.0, (await Json.ReadAsync(own)).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task An_analyst_may_filter_on_any_partner()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(Usage + "&where=partner_id=p-south", UriKind.Relative));

        Assert.Equal(60.0, (await Json.ReadAsync(response)).GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData("/api/v1/kpi/usage?metric=api_call&from=2026-13-01")]
    [InlineData("/api/v1/kpi/top-customer-share?metric=api_call&top=many")]
    [InlineData("/api/v1/kpi/usage?metric=api_call&grain=fortnight")]
    public async Task A_bad_option_value_is_a_400_problem(string url)
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await Json.ReadAsync(response)).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_http_kpi_body_is_the_contracts_json()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var json = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(Usage + "&group-by=account_id&previous=false", UriKind.Relative)));

        // By hand from the fixture: a=10, b=30, c=60 in October, a meter sent without a unit counts;
        // keys before value in each row.
        Assert.Equal(
            """{"kpi":"usage","metric":"api_call","from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","value":100,"unit":"count","""
            + """
            "rows":[{"account_id":"a","value":10},{"account_id":"b","value":30},{"account_id":"c","value":60}]}
            """,
            json.GetRawText());
    }

    [Fact]
    public async Task The_openapi_document_gives_the_kpi_and_ask_response_schemas_and_their_problems()
    {
        await using var server = await RunningServer.StartAsync();

        var document = await Json.ReadAsync(await server.ClientWithKey(null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.GetProperty("paths");
        var kpi = paths.GetProperty("/api/v1/kpi/{name}").GetProperty("get").GetProperty("responses");
        var ask = paths.GetProperty("/api/v1/ask").GetProperty("post").GetProperty("responses");

        var kpiSchema = Schema(document, kpi.GetProperty("200"));
        Assert.All(["kpi", "metric", "from", "to", "value", "unit", "parts", "previous", "accounts", "rows", "sql"],
            name => Assert.True(kpiSchema.GetProperty("properties").TryGetProperty(name, out _), name));
        var askSchema = Schema(document, ask.GetProperty("200"));
        Assert.All(["question", "interpretation", "read_by", "chart", "asks", "answers", "sql"],
            name => Assert.True(askSchema.GetProperty("properties").TryGetProperty(name, out _), name));
        Assert.All(["400", "403", "404"], status =>
        {
            Assert.True(kpi.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
            Assert.True(ask.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        });
    }

    private static JsonElement Schema(JsonElement document, JsonElement response)
    {
        var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }
        var name = reference.GetString()!["#/components/schemas/".Length..];
        return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
