using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Erasure;

/// <summary>
/// After an erasure every KPI reads exactly as on a workspace that never had the erased person or account: two
/// servers are sent the same data, one without the subject; the subject is erased from the other.
/// </summary>
public sealed class ErasureEndpointTests
{
    // Accounts a (p-north) and b (p-south). Ann (ua) and Bob (ub) use a, Cy (uc) uses b; Bob shares days with Ann
    // so the rollups of those account-days must be rebuilt, not dropped.
    private static readonly string[] s_profiles =
    [
        """{"type": "group", "messageId": "g-a", "userId": "ua", "groupId": "a", "traits": {"partner_id": "p-north", "revenue": 100}, "timestamp": "2026-10-01T00:00:00Z"}""",
        """{"type": "group", "messageId": "g-c", "userId": "uc", "groupId": "b", "traits": {"partner_id": "p-south", "revenue": 300}, "timestamp": "2026-10-01T00:00:00Z"}""",
        """{"type": "identify", "messageId": "i-a", "userId": "ua", "traits": {"email": "ann@north.test"}, "timestamp": "2026-10-01T00:00:00Z"}""",
        """{"type": "identify", "messageId": "i-c", "userId": "uc", "traits": {"email": "cy@south.test"}, "timestamp": "2026-10-01T00:00:00Z"}""",
        """{"type": "track", "messageId": "t-a1", "userId": "ua", "event": "API Call", "properties": {"quantity": 10}, "timestamp": "2026-10-05T10:00:00Z"}""",
        """{"type": "track", "messageId": "t-a2", "userId": "ua", "event": "API Call", "properties": {"quantity": 5}, "timestamp": "2026-10-06T10:00:00Z"}""",
        """{"type": "track", "messageId": "t-c1", "userId": "uc", "event": "API Call", "properties": {"quantity": 60}, "timestamp": "2026-10-05T11:00:00Z"}""",
    ];

    private static readonly string[] s_bob =
    [
        """{"type": "group", "messageId": "g-b", "userId": "ub", "groupId": "a", "traits": {"partner_id": "p-north", "revenue": 100}, "timestamp": "2026-10-01T00:00:00Z"}""",
        """{"type": "identify", "messageId": "i-b", "userId": "ub", "traits": {"email": "bob@north.test"}, "timestamp": "2026-10-01T00:00:00Z"}""",
        """{"type": "track", "messageId": "t-b1", "userId": "ub", "event": "API Call", "properties": {"quantity": 30}, "timestamp": "2026-10-05T12:00:00Z"}""",
        """{"type": "track", "messageId": "t-b2", "userId": "ub", "event": "API Call", "properties": {"quantity": 7}, "timestamp": "2026-10-06T12:00:00Z"}""",
    ];

    private static readonly string[] s_kpis =
    [
        "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=account_id&grain=day",
        "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=user_id",
        "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=email",
        "/api/v1/kpi/active-users?from=2026-10-01&to=2026-11-01&grain=day",
        "/api/v1/kpi/top-customer-share?metric=api_call&from=2026-10-01&to=2026-11-01&top=1",
    ];

    [Fact]
    public async Task Erasing_a_person_leaves_every_kpi_as_if_they_had_never_been_sent()
    {
        await using var erased = await StartAsync([.. s_profiles, .. s_bob]);
        await using var never = await StartAsync(s_profiles);

        var response = await Admin(erased).PostAsync("/api/v1/admin/erasures", Json.Body("""{"kind": "user", "id": "ub"}"""));
        var record = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("user", "ub"), (record.GetProperty("kind").GetString(), record.GetProperty("id").GetString()));
        // Bob's two API calls and his profile; he answered no survey.
        Assert.Equal("""{"events":2,"users":1,"nps":0}""", record.GetProperty("rows").GetRawText());
        foreach (var kpi in s_kpis)
        {
            Assert.Equal(await KpiAsync(never, kpi), await KpiAsync(erased, kpi));
        }
    }

    [Fact]
    public async Task Erasing_an_account_leaves_every_kpi_as_if_it_had_never_been_sent_and_is_recorded()
    {
        await using var erased = await StartAsync([.. s_profiles, .. s_bob]);
        await using var never = await StartAsync([.. s_profiles.Where(p => !p.Contains("\"uc\"", StringComparison.Ordinal)), .. s_bob]);

        var record = await Json.ReadAsync(await Admin(erased).PostAsync("/api/v1/admin/erasures", Json.Body("""{"kind": "account", "id": "b"}""")));
        var listed = (await Json.ReadAsync(await Admin(erased).GetAsync(new Uri("/api/v1/admin/erasures", UriKind.Relative)))).GetProperty("erasures");

        // b's one API call, its profile and Cy's.
        Assert.Equal("""{"events":1,"accounts":1,"users":1,"subscriptions":0,"nps":0}""", record.GetProperty("rows").GetRawText());
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("account", "b"), (only.GetProperty("kind").GetString(), only.GetProperty("id").GetString()));
        foreach (var kpi in s_kpis)
        {
            Assert.Equal(await KpiAsync(never, kpi), await KpiAsync(erased, kpi));
        }
    }

    [Fact]
    public async Task Only_admins_erase_and_a_bad_kind_is_a_400_naming_the_field()
    {
        await using var server = await StartAsync(s_profiles);

        var analyst = await server.ClientWithBearer(server.AnalystKey).PostAsync("/api/v1/admin/erasures", Json.Body("""{"kind": "user", "id": "ua"}"""));
        var badKind = await Admin(server).PostAsync("/api/v1/admin/erasures", Json.Body("""{"kind": "person", "id": "ua"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal("kind: 'person' must be user or account", (await Json.ReadAsync(badKind)).GetProperty("detail").GetString());
        Assert.Equal(1L, server.Count("SELECT count(*) FROM users WHERE user_id = 'ua'"));
    }

    private static HttpClient Admin(RunningServer server) => server.ClientWithBearer(server.AdminKey);

    private static async Task<RunningServer> StartAsync(IEnumerable<string> messages)
    {
        var server = await RunningServer.StartAsync();
        var response = await server.Writer().PostAsync("/v1/batch", Json.Body($$"""{"batch": [{{string.Join(",", messages)}}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return server;
    }

    // The KPI exactly as the API serves it.
    private static async Task<string> KpiAsync(RunningServer server, string path)
    {
        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
