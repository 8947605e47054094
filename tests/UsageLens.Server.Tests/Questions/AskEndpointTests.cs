using System.Net;
using UsageLens.Server.Tests.Support;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Tests.Questions;

public sealed class AskEndpointTests
{
    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string question) =>
        client.PostAsync(new Uri("/api/v1/ask", UriKind.Relative), Json.Body(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["question"] = question, ["as_of"] = "2026-11-15" })));

    [Fact]
    public async Task An_analyst_gets_the_interpretation_the_numbers_and_the_sql()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await AskAsync(server.ClientWithBearer(server.AnalystKey), "api calls last month");
        var json = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api_call · sum · 2026-10-01 to 2026-11-01 · all accounts", json.GetProperty("interpretation").GetString());
        Assert.Equal(100.0, json.GetProperty("answers")[0].GetProperty("value").GetDouble());
        Assert.Equal("number", json.GetProperty("chart").GetString());
        Assert.True(json.GetProperty("sql").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_interpretation_is_sent_readable_not_as_unicode_escapes()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var body = await (await AskAsync(server.ClientWithBearer(server.AnalystKey), "api calls last month")).Content.ReadAsStringAsync();

        Assert.Contains("\"api_call · sum · 2026-10-01 to 2026-11-01 · all accounts\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_key_only_sees_its_own_customers()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var json = await Json.ReadAsync(await AskAsync(server.ClientWithBearer(partnerKey), "api calls last month"));

        Assert.Equal(40.0, json.GetProperty("answers")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task An_unknown_term_is_a_400_problem_with_suggestions()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await AskAsync(server.ClientWithBearer(server.AnalystKey), "cals last month");
        var json = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("unknown term 'cals'", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("api_call", json.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Too_long_or_control_character_questions_are_400_problems()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var client = server.ClientWithBearer(server.AnalystKey);

        Assert.Equal(HttpStatusCode.BadRequest, (await AskAsync(client, string.Concat(Enumerable.Repeat("api calls ", 101)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AskAsync(client, "api calls\u0001last month")).StatusCode);
    }

    [Fact]
    public async Task Binary_or_malformed_bodies_are_400_problems_not_500s()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var client = server.ClientWithBearer(server.AnalystKey);
        using var binary = new ByteArrayContent([0x7B, 0x22, 0x71, 0xFF, 0xFE, 0x00, 0x01, 0x7D]);
        binary.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/api/v1/ask", UriKind.Relative), binary)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/api/v1/ask", UriKind.Relative), Json.Body("not json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/api/v1/ask", UriKind.Relative), Json.Body("""{"q": 1}"""))).StatusCode);
    }

    [Fact]
    public async Task A_key_is_required()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await AskAsync(server.ClientWithKey(null), "api calls last month");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
