using System.Net;
using System.Net.Http.Headers;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Exports;

public sealed class CsvExportTests
{
    private const string OctoberByAccount = "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=account_id&format=csv";

    [Fact]
    public async Task A_kpi_breakdown_as_csv_has_a_header_and_one_row_per_account()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(OctoberByAccount, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["account_id,value", "a,10", "b,30", "c,60"], Lines(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_partner_keys_csv_exports_hold_only_its_accounts()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partner = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key);

        var kpi = await TextAsync(partner, OctoberByAccount);
        var total = await TextAsync(partner, "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&format=csv");
        var accounts = await TextAsync(partner, "/api/v1/accounts?as_of=2026-10-08&format=csv");
        var health = await TextAsync(partner, "/api/v1/insights/health?as-of=2026-10-08&format=csv");

        Assert.Equal(["account_id,value", "a,10", "b,30"], Lines(kpi));
        // The total over its two accounts only: 10 + 30.
        Assert.Equal("usage,api_call,2026-10-01,2026-11-01,40,count,0", Lines(total)[1]);
        Assert.Equal(["a", "b"], Lines(accounts).Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["a", "b"], Lines(health).Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
        foreach (var text in new[] { kpi, total, accounts, health })
        {
            Assert.DoesNotContain("p-south", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\nc,", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Account_names_a_spreadsheet_would_run_are_escaped_as_the_cli_escapes_them()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var named = """{"batch": [{"type": "group", "messageId": "g-d", "userId": "ud", "groupId": "d", "traits": {"name": "=HYPERLINK(\"x\")", "plan": "-pro", "segment": "@ops", "region": "+eu"}, "timestamp": "2026-10-01T00:00:00Z"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(named))).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts?as_of=2026-10-08&search=d");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await server.ClientWithBearer(server.AnalystKey).SendAsync(request);
        var lines = Lines(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("account_id,name,segment,plan,region,partner_id,mrr,usage_30d,usage_prev_30d,usage_trend_pct,active_users_30d,health_score,health_band,churn_risk", lines[0]);
        // A leading quote makes each cell inert text; the name's quotes are doubled inside RFC 4180 quotes.
        Assert.Equal("d,\"'=HYPERLINK(\"\"x\"\")\",'@ops,'-pro,'+eu,,,0,0,,0,,,", lines[1]);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_naming_it()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/accounts?format=xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("format: 'xml' must be json or csv", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
