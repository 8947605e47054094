using System.Net;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Insights;

public sealed class InsightEndpointTests
{
    // As of 8 October, the last three days hold a's 10 calls (5th), b's 30 (6th) and c's 60 (7th).
    private const string DailyTrend = "/api/v1/insights/trend?kpi=usage&metric=api_call&grain=day&period=last-3-days&as-of=2026-10-08";

    [Fact]
    public async Task A_trend_of_daily_usage_has_the_least_squares_slope_of_the_three_days()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var json = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(DailyTrend, UriKind.Relative)));

        Assert.Equal([10.0, 30.0, 60.0], json.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
        // x̄ = 1, ȳ = 33.3: Sxy = (−1)(−23.3) + (1)(26.7) = 50 and Sxx = 2, so the slope is 25 a day.
        Assert.Equal(25.0, Figure(json, "slope"), 9);
        Assert.Equal(50.0, Figure(json, "change"));
        Assert.Equal("2026-10-08", json.GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task A_partner_key_sees_only_its_partners_accounts()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var json = await Json.ReadAsync(await server.ClientWithBearer(partnerKey).GetAsync(new Uri(DailyTrend, UriKind.Relative)));

        // Only a (10 on the 5th) and b (30 on the 6th); c belongs to p-south: 10, 30, 0 has slope −5.
        Assert.Equal([10.0, 30.0, 0.0], json.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
        Assert.Equal(-5.0, Figure(json, "slope"), 9);
    }

    [Fact]
    public async Task A_bad_option_is_a_400_problem_naming_it()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var client = server.ClientWithBearer(server.AnalystKey);

        var signals = await client.GetAsync(new Uri("/api/v1/insights/signals?growth=0", UriKind.Relative));
        var option = await client.GetAsync(new Uri("/api/v1/insights/anomalies?metric=api_call&thresold=5", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, signals.StatusCode);
        Assert.StartsWith("option growth='0' must be a number from 0.01 to 100", (await Json.ReadAsync(signals)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, option.StatusCode);
        Assert.StartsWith("insight anomalies has no option 'thresold'", (await Json.ReadAsync(option)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_insight_is_404_a_bad_date_400_and_a_partner_naming_another_partner_403()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var unknown = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/insights/anomolies", UriKind.Relative));
        var date = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/insights/anomalies?as-of=2026-13-01", UriKind.Relative));
        var other = await server.ClientWithBearer(partnerKey).GetAsync(new Uri($"{DailyTrend}&where=partner_id=p-south", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.StartsWith("unknown insight 'anomolies' (did you mean 'anomalies'?)", (await Json.ReadAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, date.StatusCode);
        Assert.Equal("as-of '2026-13-01' is not a date in the form YYYY-MM-DD", (await Json.ReadAsync(date)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("not partner 'p-south'", (await Json.ReadAsync(other)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_required_and_a_writer_key_cannot_read()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var anonymous = await server.ClientWithKey(null).GetAsync(new Uri(DailyTrend, UriKind.Relative));
        var writer = await server.ClientWithBearer(server.WriterKey).GetAsync(new Uri(DailyTrend, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writer.StatusCode);
    }

    private static double Figure(System.Text.Json.JsonElement json, string name) =>
        json.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("number").GetDouble();
}
