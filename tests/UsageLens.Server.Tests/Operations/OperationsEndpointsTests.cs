using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Server.Tests.Operations;

/// <summary><c>/healthz</c>, <c>/readyz</c> and Prometheus <c>/metrics</c> on the real server over a real DuckDB workspace.</summary>
public sealed class OperationsEndpointsTests
{
    private const string ThreeEvents = """
        {"batch": [
          {"type": "track", "messageId": "m-1", "event": "api_call", "userId": "u-1", "timestamp": "2026-10-01T10:00:00Z", "context": {"groupId": "acme"}, "properties": {"quantity": 3}},
          {"type": "track", "messageId": "m-2", "event": "api_call", "userId": "u-1", "timestamp": "2026-10-01T11:00:00Z", "context": {"groupId": "acme"}, "properties": {"quantity": 1}},
          {"type": "track", "messageId": "m-3", "event": "api_call", "userId": "u-2", "timestamp": "2026-10-02T10:00:00Z", "context": {"groupId": "acme"}, "properties": {"quantity": 2}}
        ]}
        """;

    // The second message has no event name: the request is refused whole, so both of its messages count as refused.
    private const string OneBadOfTwo = """
        {"batch": [
          {"type": "track", "messageId": "m-4", "event": "api_call", "userId": "u-1", "timestamp": "2026-10-01T10:00:00Z", "context": {"groupId": "acme"}},
          {"type": "track", "messageId": "m-5", "userId": "u-1", "timestamp": "2026-10-01T10:00:00Z", "context": {"groupId": "acme"}}
        ]}
        """;

    [Fact]
    public async Task Healthz_and_readyz_answer_200_without_a_key_when_the_workspace_and_writer_are_fine()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.ClientWithKey(null);

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var checks = (await Json.ReadAsync(ready)).GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", checks.GetProperty("workspace").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("writer").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_answers_503_naming_the_workspace_when_a_migrated_table_is_missing_while_healthz_stays_200()
    {
        await using var server = await RunningServer.StartAsync();
        server.Count("ALTER TABLE meters RENAME TO meters_moved");
        var client = server.ClientWithKey(null);

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var workspace = (await Json.ReadAsync(ready)).GetProperty("checks").GetProperty("workspace");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", workspace.GetProperty("status").GetString());
        Assert.StartsWith("the workspace cannot be read: ", workspace.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("meters", workspace.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Metrics_count_accepted_and_refused_messages_commits_and_kpi_latency_for_admin_keys_only()
    {
        await using var server = await RunningServer.StartAsync();
        var writer = server.Writer();
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json.Body(ThreeEvents))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json.Body(OneBadOfTwo))).StatusCode);
        var analyst = server.ClientWithBearer(server.AnalystKey);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(new Uri("/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-10-03", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync(new Uri("/api/v1/kpi/no-such-kpi", UriKind.Relative))).StatusCode);

        var scrape = await server.ClientWithBearer(server.AdminKey).GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(3, Sample(scrape, "usagelens_ingest_events_total{outcome=\"accepted\"}"));
        Assert.Equal(2, Sample(scrape, "usagelens_ingest_events_total{outcome=\"refused\"}"));
        Assert.Equal(1, Sample(scrape, "usagelens_ingest_requests_total{outcome=\"refused\"}"));
        Assert.Equal(server.Commits, Sample(scrape, "usagelens_group_commit_duration_seconds_count"));
        Assert.Equal(0, Sample(scrape, "usagelens_group_commit_queue_depth"));
        Assert.Equal(1, Sample(scrape, "usagelens_query_duration_seconds_count{kind=\"kpi\",name=\"usage\"}"));
        // A made-up name is counted under "unknown", so clients cannot add label values.
        Assert.Equal(1, Sample(scrape, "usagelens_query_duration_seconds_count{kind=\"kpi\",name=\"unknown\"}"));
        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("http_requests_received_total{", StringComparison.Ordinal)
            && line.Contains("endpoint=\"/v1/batch\"", StringComparison.Ordinal) && line.Contains("code=\"400\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.ClientWithKey(null).GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_metrics_address_serves_metrics_without_a_key_and_nothing_else()
    {
        var port = FreePort();
        using var store = new DuckDbWorkspaceStore(DuckDbWorkspace.Open(":memory:"), TimeProvider.System);
        var key = (await store.Keys.CreateAsync(ApiKeyRole.Writer, null, default)).Key;
        await using var app = UsageLensServer.Build(
            new ServerOptions { Urls = "http://127.0.0.1:0", MetricsUrl = $"http://127.0.0.1:{port}", MinimumLogLevel = LogLevel.Warning }, store, TimeProvider.System);
        await app.StartAsync();
        var api = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single(a => new Uri(a).Port != port);
        using var writer = new HttpClient { BaseAddress = new Uri(api) };
        writer.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json.Body(ThreeEvents))).StatusCode);
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var scrape = await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(3, Sample(scrape, "usagelens_ingest_events_total{outcome=\"accepted\"}"));
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync(new Uri("/api/v1/kpi", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metrics.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json.Body(ThreeEvents))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient().GetAsync(new Uri(new Uri(api), "/metrics"))).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public void A_metrics_address_without_an_explicit_port_is_refused_at_start()
    {
        var error = Assert.Throws<Core.UsageLensException>(() => new ServerOptions { MetricsUrl = "http://127.0.0.1" }.Validate());
        Assert.Contains("MetricsUrl", error.Message, StringComparison.Ordinal);
    }

    private static double Sample(string scrape, string series) =>
        double.Parse(scrape.Split('\n').Single(line => line.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
