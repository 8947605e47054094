using System.Net;
using UsageLens.Core.Configuration;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Alerts;

public sealed class AlertEndpointTests : IDisposable
{
    private const string Secret = "never-shown-secret-0123456789";

    private readonly string _log = Path.Combine(Directory.CreateTempSubdirectory("usagelens-alert-endpoints-").FullName, "usagelens-alerts.jsonl");

    [Fact]
    public async Task Admin_keys_see_the_rules_with_their_next_run_and_the_deliveries_but_never_a_secret()
    {
        // Two deliveries as the log stores them (see docs/insights.md, Alerts).
        await File.WriteAllTextAsync(_log, """
            {"type":"state","rule":"calls-low","subject":"workspace","time":"2026-12-01T08:00:00+00:00","value":"holds","as_of":"2026-12-01"}
            {"type":"delivery","rule":"calls-low","subject":"workspace","time":"2026-12-01T08:00:01+00:00","firing_key":"k1","target":"ops","attempts":3,"status":"delivered","http_status":200}
            {"type":"delivery","rule":"other","subject":"acct-1","time":"2026-12-02T08:00:01+00:00","firing_key":"k2","target":"ops","attempts":1,"status":"rejected","http_status":400,"error":"HTTP 400 Bad Request"}

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        var rule = new ThresholdAlertRule("calls-low", "0 8 * * 1", [new WebhookTarget("ops", new Uri("https://hooks.example.com/T0KEN/path"), Secret)], "usage", ThresholdDirection.Below, 500) { Metric = "api_call" };
        // Sunday 6 December 2026, 10:07 UTC: the next Monday 08:00 is 7 December.
        var clock = new FixedStartClock(new DateTimeOffset(2026, 12, 6, 10, 7, 0, TimeSpan.Zero));
        await using var server = await RunningServer.StartAsync(new ServerOptions { Configuration = WorkspaceConfiguration.Empty with { Alerts = [rule] }, AlertLogPath = _log }, clock);

        var rules = await server.ClientWithBearer(server.AdminKey).GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));
        var deliveries = await Json.ReadAsync(await server.ClientWithBearer(server.AdminKey).GetAsync(new Uri("/api/v1/alerts/deliveries?rule=calls-low", UriKind.Relative)));
        var analyst = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/alerts/deliveries", UriKind.Relative));

        var text = await rules.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("T0KEN", text, StringComparison.Ordinal);
        var listed = Assert.Single(System.Text.Json.JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal("calls-low", listed.GetProperty("name").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), listed.GetProperty("next_run").GetDateTimeOffset());
        Assert.Equal("usage of api_call over last-7-days below 500", listed.GetProperty("condition").GetString());
        Assert.Equal("hooks.example.com", listed.GetProperty("webhooks")[0].GetProperty("host").GetString());
        var delivery = Assert.Single(deliveries.EnumerateArray());
        Assert.Equal(("k1", 3, "delivered", "ops"), (delivery.GetProperty("firing_key").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("status").GetString(), delivery.GetProperty("target").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_log)!, recursive: true);
}
