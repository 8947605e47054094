using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Workspace;

public sealed class CatalogCacheTests
{
    private const string ExportRun = """
        {"type": "track", "messageId": "t-export", "userId": "ua", "event": "Export Run", "properties": {"quantity": 5}, "timestamp": "2026-10-08T10:00:00Z"}
        """;

    [Fact]
    public async Task A_meter_ingested_over_http_is_visible_to_the_next_kpi_and_ask_request()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var analyst = server.ClientWithBearer(server.AnalystKey);
        // Read (and keep) the catalog before the new meter exists: an unknown metric then.
        var before = await analyst.GetAsync(new Uri("/api/v1/kpi/usage?metric=export_run&from=2026-10-01&to=2026-11-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync(new Uri("/v1/track", UriKind.Relative), Json.Body(ExportRun))).StatusCode);
        var kpi = await analyst.GetAsync(new Uri("/api/v1/kpi/usage?metric=export_run&from=2026-10-01&to=2026-11-01", UriKind.Relative));
        var ask = await analyst.PostAsync(new Uri("/api/v1/ask", UriKind.Relative), Json.Body("""{"question": "export runs last month", "as_of": "2026-11-15"}"""));

        Assert.Equal(HttpStatusCode.OK, kpi.StatusCode);
        Assert.Equal(5.0, (await Json.ReadAsync(kpi)).GetProperty("value").GetDouble());
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Equal(5.0, (await Json.ReadAsync(ask)).GetProperty("answers")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Requests_without_a_write_between_them_read_the_catalog_once()
    {
        CountingWorkspaceStore? counting = null;
        await using var server = await ThreePartnerAccounts.StartAsync(store => counting = new CountingWorkspaceStore(store));
        var analyst = server.ClientWithBearer(server.AnalystKey);
        var readsAfterIngestion = counting!.CatalogReads;

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync(new Uri("/api/v1/ask", UriKind.Relative), Json.Body("""{"question": "api calls last month", "as_of": "2026-11-15"}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(new Uri("/api/v1/insights/trend?kpi=usage&metric=api_call&period=last-3-months&as-of=2026-11-15", UriKind.Relative))).StatusCode);
        }
        Assert.Equal(readsAfterIngestion + 1, counting.CatalogReads);

        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync(new Uri("/v1/track", UriKind.Relative), Json.Body(ExportRun))).StatusCode);
        await analyst.GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01", UriKind.Relative));

        Assert.Equal(readsAfterIngestion + 2, counting.CatalogReads);
    }
}
