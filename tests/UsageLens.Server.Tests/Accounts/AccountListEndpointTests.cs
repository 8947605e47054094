using System.Net;
using System.Text.Json;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Accounts;

public sealed class AccountListEndpointTests
{
    // As of 8 October the fixture's API calls (a 10 on 5 Oct, b 30 on 6 Oct, c 60 on 7 Oct) are all in the last 30 days.
    private const string List = "/api/v1/accounts?as_of=2026-10-08";

    [Fact]
    public async Task The_list_gives_each_accounts_usage_active_users_and_health_sorted_by_usage()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var json = await Json.GetOkAsync(server.ClientWithBearer(server.AnalystKey), $"{List}&sort=usage&order=desc");

        Assert.Equal(3, json.GetProperty("total").GetInt32());
        Assert.Equal("2026-10-08", json.GetProperty("as_of").GetString());
        var rows = json.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["c", "b", "a"], rows.Select(r => r.GetProperty("account_id").GetString()));
        Assert.Equal([60d, 30d, 10d], rows.Select(r => r.GetProperty("usage_30d").GetDouble()));
        Assert.Equal([0d, 0d, 0d], rows.Select(r => r.GetProperty("usage_prev_30d").GetDouble()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("usage_trend_pct").ValueKind));
        // One user each (ua, ub, uc); health 100 from breadth and recency alone (see HealthEndpointTests); nobody pays.
        Assert.All(rows, r => Assert.Equal(1, r.GetProperty("active_users_30d").GetDouble()));
        Assert.All(rows, r => Assert.Equal(100, r.GetProperty("health_score").GetDouble()));
        Assert.All(rows, r => Assert.Equal("healthy", r.GetProperty("health_band").GetString()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("mrr").ValueKind));
        Assert.Equal(["p-south", "p-north", "p-north"], rows.Select(r => r.GetProperty("partner_id").GetString()));
    }

    [Fact]
    public async Task A_partner_key_lists_and_counts_only_its_own_accounts()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var response = await server.ClientWithBearer(partnerKey).GetAsync(new Uri($"{List}&sort=usage&order=desc", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal(["b", "a"], json.GetProperty("accounts").EnumerateArray().Select(r => r.GetProperty("account_id").GetString()));
        Assert.DoesNotContain("\"c\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("p-south", text, StringComparison.Ordinal);
        Assert.DoesNotContain("60", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_search_and_ascending_order_apply_after_counting_the_matches()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var client = server.ClientWithBearer(server.AnalystKey);

        var second = await Json.GetOkAsync(client, $"{List}&sort=usage&page=2&page_size=2");
        var search = await Json.GetOkAsync(client, $"{List}&search=B");

        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(2, second.GetProperty("page_size").GetInt32());
        Assert.Equal(["c"], second.GetProperty("accounts").EnumerateArray().Select(r => r.GetProperty("account_id").GetString()));
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal("b", search.GetProperty("accounts")[0].GetProperty("account_id").GetString());
    }

    [Theory]
    [InlineData("sort=revenue", "sort: unknown field 'revenue'")]
    [InlineData("order=up", "order: 'up' must be asc or desc")]
    [InlineData("page_size=501", "page_size: '501' must be a whole number from 1 to 500")]
    [InlineData("page=0", "page: '0' must be a whole number from 1")]
    public async Task A_bad_parameter_is_a_400_naming_it(string parameter, string message)
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri($"{List}&{parameter}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_is_read_once_and_again_after_a_commit()
    {
        CountingWorkspaceStore? counting = null;
        await using var server = await ThreePartnerAccounts.StartAsync(store => counting = new CountingWorkspaceStore(store));
        var client = server.ClientWithBearer(server.AnalystKey);

        await Json.GetOkAsync(client, List);
        var afterFirst = counting!.Queries;
        await Json.GetOkAsync(client, $"{List}&sort=usage&page_size=1");
        Assert.Equal(afterFirst, counting.Queries);

        var more = """{"batch": [{"type": "track", "messageId": "t-a2", "userId": "ua", "event": "API Call", "properties": {"quantity": 5}, "timestamp": "2026-10-07T11:00:00Z"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(more))).StatusCode);
        var after = await Json.GetOkAsync(client, $"{List}&search=a");

        Assert.True(counting.Queries > afterFirst);
        Assert.Equal(15, after.GetProperty("accounts")[0].GetProperty("usage_30d").GetDouble());
    }
}
