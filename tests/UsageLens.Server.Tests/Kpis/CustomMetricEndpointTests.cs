using System.Net;
using UsageLens.Configuration;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Kpis;

public sealed class CustomMetricEndpointTests
{
    // October API calls: ua (account a, partner p-north) 10, ub (b, p-north) 30, uc (c, p-south) 60.
    private const string Batch = """
        {"batch": [
          {"type": "group", "messageId": "g-a", "userId": "ua", "groupId": "a", "traits": {"partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-b", "userId": "ub", "groupId": "b", "traits": {"partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-c", "userId": "uc", "groupId": "c", "traits": {"partner_id": "p-south"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "track", "messageId": "t-a", "userId": "ua", "event": "API Call", "properties": {"quantity": 10}, "timestamp": "2026-10-05T10:00:00Z"},
          {"type": "track", "messageId": "t-b", "userId": "ub", "event": "API Call", "properties": {"quantity": 30}, "timestamp": "2026-10-06T10:00:00Z"},
          {"type": "track", "messageId": "t-c", "userId": "uc", "event": "API Call", "properties": {"quantity": 60}, "timestamp": "2026-10-07T10:00:00Z"}
        ]}
        """;

    private const string CallsPerUser = "/api/v1/kpi/usage?metric=calls_per_user&from=2026-10-01&to=2026-11-01";

    private static async Task<RunningServer> StartAsync()
    {
        var configuration = WorkspaceConfigurationReader.Read("usagelens.yaml", """
            metrics:
              calls_per_user: { formula: "api_call / users(api_call)", unit: calls/user }
            """);
        var server = await RunningServer.StartAsync(new ServerOptions { Configuration = configuration });
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(Batch))).StatusCode);
        return server;
    }

    [Fact]
    public async Task A_custom_metric_is_computed_by_the_usage_kpi_with_its_terms_as_parts()
    {
        await using var server = await StartAsync();

        var json = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(CallsPerUser, UriKind.Relative)));

        // 100 calls by 3 distinct users.
        Assert.Equal(100.0 / 3, json.GetProperty("value").GetDouble(), 9);
        Assert.Equal(("calls_per_user", "calls/user"), (json.GetProperty("metric").GetString(), json.GetProperty("unit").GetString()));
        Assert.Equal(100.0, json.GetProperty("parts").GetProperty("api_call").GetDouble());
        Assert.Equal(3.0, json.GetProperty("parts").GetProperty("users(api_call)").GetDouble());
    }

    [Fact]
    public async Task A_partner_key_gets_the_formula_over_its_own_accounts_only()
    {
        await using var server = await StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var json = await Json.ReadAsync(await server.ClientWithBearer(partnerKey).GetAsync(new Uri(CallsPerUser, UriKind.Relative)));

        // a and b: 40 calls by 2 users.
        Assert.Equal(20.0, json.GetProperty("value").GetDouble(), 9);
    }
}
