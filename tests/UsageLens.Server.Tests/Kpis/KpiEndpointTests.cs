using System.Net;
using UsageLens.Server.Tests.Support;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Tests.Kpis;

public sealed class KpiEndpointTests
{
    private const string TopOne = "/api/v1/kpi/top-customer-share?metric=api_call&from=2026-10-01&to=2026-11-01&top=1";

    [Fact]
    public async Task An_analyst_gets_the_top_customer_share_of_events_ingested_over_segment()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var json = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(TopOne, UriKind.Relative)));

        Assert.Equal(60.0, json.GetProperty("value").GetDouble());
        Assert.Equal(100.0, json.GetProperty("parts").GetProperty("total_usage").GetDouble());
        Assert.Equal(["c"], json.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_partner_key_sees_only_its_partners_accounts()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var partnerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var json = await Json.ReadAsync(await server.ClientWithBearer(partnerKey).GetAsync(new Uri(TopOne, UriKind.Relative)));

        // Only a (10) and b (30): b has the higher revenue of the two.
        Assert.Equal(75.0, json.GetProperty("value").GetDouble());
        Assert.Equal(40.0, json.GetProperty("parts").GetProperty("total_usage").GetDouble());
        Assert.Equal(["b"], json.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_viewer_key_reads_every_account_like_an_analyst_but_cannot_ingest()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var viewerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Viewer, null, default)).Key;
        var viewer = server.ClientWithBearer(viewerKey);

        var json = await Json.ReadAsync(await viewer.GetAsync(new Uri(TopOne, UriKind.Relative)));
        var ingest = await viewer.PostAsync(new Uri("/v1/track", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(60.0, json.GetProperty("value").GetDouble());
        Assert.Equal(100.0, json.GetProperty("parts").GetProperty("total_usage").GetDouble());
        Assert.Equal(HttpStatusCode.Forbidden, ingest.StatusCode);
    }

    [Fact]
    public async Task Keys_are_required_and_a_writer_key_cannot_read()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var anonymous = await server.ClientWithKey(null).GetAsync(new Uri(TopOne, UriKind.Relative));
        var writer = await server.ClientWithBearer(server.WriterKey).GetAsync(new Uri(TopOne, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writer.StatusCode);
    }

    [Fact]
    public async Task A_bad_request_is_a_400_problem_naming_the_mistake()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/kpi/usage?metric=api_cal", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown metric 'api_cal' (did you mean 'api_call'?)", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Usage_by_day_returns_a_row_per_day()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var json = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-05&to=2026-10-08&grain=day", UriKind.Relative)));

        Assert.Equal(
            [("2026-10-05", 10.0), ("2026-10-06", 30.0), ("2026-10-07", 60.0)],
            json.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("period").GetString(), r.GetProperty("value").GetDouble())));
    }

    [Fact]
    public async Task Repeated_filters_and_previous_false_are_read_through_the_shared_parameters()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=account_id&where=revenue>=150&where=account_id!=b&previous=false", UriKind.Relative));
        var json = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(60.0, json.GetProperty("value").GetDouble());
        Assert.False(json.TryGetProperty("previous", out var previous) && previous.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(["c"], json.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("account_id").GetString()));
    }

    [Theory]
    [InlineData("metric=api_call&metric=export", "metric is given 2 times; give it once")]
    [InlineData("metric=api_call&previous=no", "previous must be true or false, not 'no'")]
    [InlineData("metric=api_call&window=28", "usage has no option 'window': it takes none")]
    public async Task A_parameter_given_wrongly_is_a_400_naming_it(string query, string detail)
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var response = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri($"/api/v1/kpi/usage?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_kpi_list_gives_each_kpis_synonyms_metric_role_and_chart()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();

        var json = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/kpi", UriKind.Relative)));
        var kpis = json.EnumerateArray().ToDictionary(k => k.GetProperty("name").GetString()!);

        Assert.Equal(26, kpis.Count);
        var adoption = kpis["feature-adoption"].GetProperty("metricRole");
        Assert.Equal(("option", "feature"), (adoption.GetProperty("use").GetString(), adoption.GetProperty("option").GetString()));
        Assert.Equal("measured", kpis["usage"].GetProperty("metricRole").GetProperty("use").GetString());
        Assert.Equal("table", kpis["retention"].GetProperty("chart").GetString());
        Assert.Equal("number", kpis["mrr"].GetProperty("chart").GetString());
        var dau = kpis["active-users"].GetProperty("synonyms").EnumerateArray().Single(s => s.GetProperty("phrase").GetString() == "dau");
        Assert.Equal("measure=dau", dau.GetProperty("option").GetString());
    }
}
