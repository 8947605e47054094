using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Insights;

public sealed class HealthEndpointTests
{
    private const string Health = "/api/v1/insights/health?as-of=2026-10-08&history=1";

    [Fact]
    public async Task Health_over_http_scores_only_the_partners_accounts_for_a_partner_key()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var all = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(Health, UriKind.Relative)));
        var north = await Json.ReadAsync(await server.ClientWithBearer(partnerKey).GetAsync(new Uri(Health, UriKind.Relative)));

        // Each account used its one meter (api_call) once, 1–3 days before 8 October: breadth 1 of 1 → 100 and
        // login recency ≤ 7 days → 100; no earlier usage, seats, NPS or MRR, so only those 15 + 15 of 100 weight count.
        Assert.Equal(["a", "b", "c"], Subjects(all));
        Assert.Equal(["a", "b"], Subjects(north));
        foreach (var finding in north.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(100, finding.GetProperty("score").GetDouble());
            Assert.Equal(0.3, finding.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "weight_share").GetProperty("number").GetDouble());
        }
        Assert.DoesNotContain("\"c\"", north.GetRawText(), StringComparison.Ordinal);
    }

    private static List<string?> Subjects(System.Text.Json.JsonElement json) =>
        json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("subject").GetString()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_default_insight_is_kept_per_scope_until_the_next_commit_shows_new_accounts()
    {
        const string Default = "/api/v1/insights/health?as-of=2026-10-08";
        await using var server = await ThreePartnerAccounts.StartAsync();
        var analyst = server.ClientWithBearer(server.AnalystKey);
        var north = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key);

        var before = Subjects(await Json.GetOkAsync(analyst, Default));
        var northBefore = Subjects(await Json.GetOkAsync(north, Default));
        var again = Subjects(await Json.GetOkAsync(analyst, Default));
        const string NewAccount = """
            {"batch": [
              {"type": "group", "messageId": "g-d", "userId": "ud", "groupId": "d", "traits": {"revenue": 50, "partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
              {"type": "track", "messageId": "t-d", "userId": "ud", "event": "API Call", "properties": {"quantity": 5}, "timestamp": "2026-10-07T09:00:00Z"}
            ]}
            """;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(NewAccount))).StatusCode);
        var after = Subjects(await Json.GetOkAsync(analyst, Default));
        var northAfter = Subjects(await Json.GetOkAsync(north, Default));

        Assert.Equal(["a", "b", "c"], before);
        Assert.Equal(["a", "b"], northBefore);
        Assert.Equal(before, again);
        Assert.Equal(["a", "b", "c", "d"], after);
        Assert.Equal(["a", "b", "d"], northAfter);
    }

    [Fact]
    public async Task A_limit_returns_the_strongest_findings_with_the_total_and_a_bad_limit_is_a_400_naming_it()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var analyst = server.ClientWithBearer(server.AnalystKey);

        var all = await Json.GetOkAsync(analyst, "/api/v1/insights/health?as-of=2026-10-08");
        var two = await Json.GetOkAsync(analyst, "/api/v1/insights/health?as-of=2026-10-08&limit=2");
        var bad = await analyst.GetAsync(new Uri("/api/v1/insights/health?as-of=2026-10-08&limit=0", UriKind.Relative));

        var strongest = all.GetProperty("findings").EnumerateArray().Take(2).Select(f => f.GetProperty("subject").GetString());
        Assert.Equal(strongest, two.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("subject").GetString()));
        Assert.Equal(3, two.GetProperty("findings_total").GetInt32());
        Assert.False(all.TryGetProperty("findings_total", out _));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("limit '0'", (await Json.ReadAsync(bad)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
