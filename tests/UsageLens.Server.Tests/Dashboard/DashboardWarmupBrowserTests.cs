using System.Net;
using System.Text.Json;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Dashboard;

/// <summary>
/// <c>usagelens serve</c> computes the pages people open first as it starts, and reads again, after a commit, what
/// visitors looked at: counted by the result cache's own metric (computed for a request, or kept).
/// </summary>
public sealed class DashboardWarmupBrowserTests
{
    [SkippableFact]
    public async Task After_the_warm_up_the_overview_engagement_revenue_customer_and_customer_360_pages_compute_nothing()
    {
        DebianChromium.Require();
        await using var server = await PartnerDashboardWorkspace.StartAsync(warmDashboard: true);
        await server.DashboardWarmedAsync();
        var computedBefore = server.ResultReads("computed", "request");
        var keptBefore = server.ResultReads("kept", "request");

        await using var session = await DashboardBrowserSession.StartAsync(server, server.AnalystKey, Path.Combine("TestResults", "screenshots", "warmed"));
        foreach (var route in new[] { "engagement", "revenue", "customers", "customers/a" })
        {
            await session.OpenAsync(route);
        }

        session.AssertClean();
        // The overview's API calls tile: a 10 + b 30 + c 60 (PartnerDashboardWorkspace), from the warmed result.
        await session.OpenAsync("overview");
        Assert.Contains("100", session.Texts[^1].Text, StringComparison.Ordinal);
        // Every KPI, insight and list these pages asked for was there already: a read missing from the warm-up's list
        // (DashboardWarmup) would be computed for the request.
        Assert.Equal(computedBefore, server.ResultReads("computed", "request"));
        Assert.True(server.ResultReads("kept", "request") - keptBefore >= 40, $"only {server.ResultReads("kept", "request") - keptBefore} results were read from the cache");
    }

    [Fact]
    public async Task After_a_commit_a_result_a_visitor_asked_for_is_read_again_before_the_next_visit()
    {
        await using var server = await PartnerDashboardWorkspace.StartAsync(warmDashboard: true);
        using var analyst = server.ClientWithKey(server.AnalystKey);
        // Not one of the landing pages' reads: hot because a visitor asked for it. a 10 + b 30 + c 60 on 10 November.
        const string weekly = "/api/v1/kpi/usage?metric=api_call&period=last-7-days";
        Assert.Equal(100, await ValueAsync(analyst, weekly));
        await server.DashboardWarmedAsync();

        var batch = """{"batch": [{"type": "track", "messageId": "t-a2", "userId": "ua", "event": "api_call", "properties": {"quantity": 5}, "timestamp": "2026-11-11T10:00:00Z"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(batch))).StatusCode);
        await server.DashboardWarmedAsync();
        var computedBefore = server.ResultReads("computed", "request");

        Assert.Equal(105, await ValueAsync(analyst, weekly)); // the commit's 5 calls are in: the refresh read after it
        Assert.Equal(computedBefore, server.ResultReads("computed", "request"));
        Assert.True(server.ResultReads("computed", "refresh") >= 1);
    }

    private static async Task<double> ValueAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("value").GetDouble();
    }
}
