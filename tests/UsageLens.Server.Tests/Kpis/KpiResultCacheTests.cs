using System.Net;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Kpis;

/// <summary>KPI answers are kept per scope until the next commit: repeated asks agree, scopes never share, and new events show at once.</summary>
public sealed class KpiResultCacheTests
{
    private const string Usage = "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01";

    [Fact]
    public async Task A_repeated_kpi_keeps_each_scopes_answer_until_a_commit_adds_events()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var analyst = server.ClientWithBearer(server.AnalystKey);
        var north = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key);

        var first = await ValueAsync(analyst, Usage);
        var northFirst = await ValueAsync(north, Usage);
        var again = await ValueAsync(analyst, Usage + "&previous=true");
        const string More = """{"batch": [{"type": "track", "messageId": "t-a2", "userId": "ua", "event": "API Call", "properties": {"quantity": 5}, "timestamp": "2026-10-09T10:00:00Z"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(More))).StatusCode);
        var after = await ValueAsync(analyst, Usage);
        var northAfter = await ValueAsync(north, Usage);
        var csv = await (await analyst.GetAsync(new Uri(Usage + "&format=csv", UriKind.Relative))).Content.ReadAsStringAsync();

        // a=10, b=30 (p-north) and c=60 (p-south); then a calls 5 more times.
        Assert.Equal([100.0, 40.0, 100.0], [first, northFirst, again]);
        Assert.Equal([105.0, 45.0], [after, northAfter]);
        Assert.Contains("105", csv, StringComparison.Ordinal);
    }

    private static async Task<double> ValueAsync(HttpClient client, string path) =>
        (await Json.GetOkAsync(client, path)).GetProperty("value").GetDouble();
}
