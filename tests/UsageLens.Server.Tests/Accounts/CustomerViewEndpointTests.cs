using System.Net;
using System.Text.Json;
using UsageLens.Core.Configuration;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Accounts;

public sealed class CustomerViewEndpointTests
{
    [Fact]
    public async Task The_360_gives_the_accounts_weekly_usage_active_users_seats_and_health()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var json = await Json.GetOkAsync(server.ClientWithBearer(server.AnalystKey), "/api/v1/accounts/b?as_of=2026-10-08");

        Assert.Equal("b", json.GetProperty("account").GetProperty("account_id").GetString());
        Assert.Equal(30, json.GetProperty("account").GetProperty("usage_30d").GetDouble());
        // revenue and partner_id are typed account fields, not traits, so the account has none.
        Assert.Empty(json.GetProperty("account").GetProperty("traits").EnumerateObject());
        // b's one call of 30 was on Tuesday 6 October, in the week starting Monday 5 October; every other week is 0.
        var feature = json.GetProperty("usage_by_feature").EnumerateArray().Single();
        Assert.Equal("api_call", feature.GetProperty("feature").GetString());
        var weeks = feature.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(30, weeks.Sum(w => w.GetProperty("value").GetDouble()));
        Assert.Equal(30, weeks.Single(w => w.GetProperty("period").GetString()!.StartsWith("2026-10-05", StringComparison.Ordinal)).GetProperty("value").GetDouble());
        var users = json.GetProperty("active_users").EnumerateArray().ToList();
        Assert.Equal(1, users.Single(w => w.GetProperty("period").GetString()!.StartsWith("2026-10-05", StringComparison.Ordinal)).GetProperty("value").GetDouble());
        Assert.Equal(1, users.Sum(w => w.GetProperty("value").GetDouble()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("seats").GetProperty("licensed").ValueKind);
        Assert.Equal(1, json.GetProperty("seats").GetProperty("active").GetDouble());
        Assert.Equal(100, json.GetProperty("health").GetProperty("score").GetDouble());
        Assert.Equal("healthy", json.GetProperty("health").GetProperty("band").GetString());
        Assert.Equal(2, json.GetProperty("health").GetProperty("components").EnumerateArray().Count(c => c.GetProperty("score").ValueKind == JsonValueKind.Number));
        Assert.Empty(json.GetProperty("nps").EnumerateArray());
        Assert.Empty(json.GetProperty("mrr_movements").EnumerateArray());
    }

    [Fact]
    public async Task NPS_answers_of_the_account_are_listed_newest_first_and_no_one_elses()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        server.Scalar("INSERT INTO nps VALUES ('a', 'ua', TIMESTAMP '2026-09-01 10:00:00', 9, 'great'), ('a', 'ua', TIMESTAMP '2026-10-01 10:00:00', 3, '=bad'), ('c', 'uc', TIMESTAMP '2026-10-01 10:00:00', 10, NULL)");

        var nps = (await Json.GetOkAsync(server.ClientWithBearer(server.AnalystKey), "/api/v1/accounts/a?as_of=2026-10-08")).GetProperty("nps").EnumerateArray().ToList();

        Assert.Equal(["2026-10-01", "2026-09-01"], nps.Select(n => n.GetProperty("date").GetString()));
        Assert.Equal([3d, 9d], nps.Select(n => n.GetProperty("score").GetDouble()));
        Assert.Equal(["=bad", "great"], nps.Select(n => n.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task A_partner_gets_the_same_404_for_another_partners_account_as_for_an_unknown_one()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partner = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key);

        var other = await partner.GetAsync(new Uri("/api/v1/accounts/c?as_of=2026-10-08", UriKind.Relative));
        var unknown = await partner.GetAsync(new Uri("/api/v1/accounts/zz?as_of=2026-10-08", UriKind.Relative));
        var own = await Json.GetOkAsync(partner, "/api/v1/accounts/a?as_of=2026-10-08");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("no account 'c'", (await Json.ReadAsync(other)).GetProperty("detail").GetString());
        Assert.Equal("no account 'zz'", (await Json.ReadAsync(unknown)).GetProperty("detail").GetString());
        Assert.Equal(10, own.GetProperty("account").GetProperty("usage_30d").GetDouble());
        Assert.DoesNotContain("p-south", own.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"c\"", own.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_playbooks_action_is_shown_for_the_accounts_the_health_insight_bands_at_risk()
    {
        var configuration = WorkspaceConfiguration.Empty with { Playbooks = new Playbooks(new Dictionary<string, string> { ["at-risk"] = "Book a health review" }) };
        await using var server = await ThreePartnerAccounts.StartAsync(options: new ServerOptions { Configuration = configuration });
        var client = server.ClientWithBearer(server.AnalystKey);
        // Six weeks after their only calls, the accounts used nothing in the last 30 days.
        const string AsOf = "2026-11-20";

        var health = await Json.GetOkAsync(client, $"/api/v1/insights/health?as-of={AsOf}");
        var atRisk = health.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "at-risk").Select(f => f.GetProperty("subject").GetString()).ToList();

        Assert.NotEmpty(atRisk);
        Assert.All(health.GetProperty("findings").EnumerateArray(), f =>
            Assert.Equal(f.GetProperty("kind").GetString() == "at-risk" ? "Book a health review" : null, f.TryGetProperty("recommended_action", out var action) ? action.GetString() : null));
        foreach (var account in new[] { "a", "b", "c" })
        {
            var actions = (await Json.GetOkAsync(client, $"/api/v1/accounts/{account}?as_of={AsOf}")).GetProperty("recommended_actions").EnumerateArray()
                .Select(a => $"{a.GetProperty("signal").GetString()}: {a.GetProperty("action").GetString()}").ToList();
            Assert.Equal(atRisk.Contains(account) ? ["at-risk: Book a health review"] : [], actions);
        }
    }
}
