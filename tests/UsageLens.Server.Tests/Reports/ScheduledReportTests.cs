using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UglyToad.PdfPig;
using UsageLens.Alerts;
using UsageLens.Alerts.Tests;
using UsageLens.Configuration;
using UsageLens.Core.Configuration;
using UsageLens.Core.Keys;
using UsageLens.Core.Kpis;
using UsageLens.Core.Reports;
using UsageLens.Reports;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Reports;

public sealed class ScheduledReportTests : IDisposable
{
    private const string Secret = "report-test-secret-0123456789";
    private static readonly DateOnly s_asOf = new(2026, 10, 8);
    private static readonly DateTimeOffset s_now = new(2026, 10, 8, 5, 0, 0, TimeSpan.Zero);

    // Names for the three accounts of the fixture, and a fourth, d (p-north), whose segment a spreadsheet would run as a formula.
    private const string Named = """
        {"batch": [
          {"type": "group", "messageId": "n-a", "userId": "ua", "groupId": "a", "traits": {"name": "Alpha North", "segment": "=SUM(A1)", "partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "n-b", "userId": "ub", "groupId": "b", "traits": {"name": "Beta North", "segment": "@ops", "partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "n-c", "userId": "uc", "groupId": "c", "traits": {"name": "Gamma South", "segment": "+south", "partner_id": "p-south"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "n-d", "userId": "ud", "groupId": "d", "traits": {"name": "Delta North", "segment": "-minus", "partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "track", "messageId": "t-d", "userId": "ud", "event": "API Call", "properties": {"quantity": 5}, "timestamp": "2026-10-06T11:00:00Z"}
        ]}
        """;

    private static readonly HttpClient s_client = WebhookSender.CreateClient();

    private readonly string _folder = Directory.CreateTempSubdirectory("usagelens-reports-").FullName;

    [Fact]
    public async Task An_overview_report_written_to_a_folder_holds_the_figures_the_kpi_api_gives()
    {
        await using var server = await StartAsync();
        var configuration = Configuration($"""
            reports:
              weekly:
                kind: overview
                schedule: "0 7 * * 1"
                subject: Weekly usage
                deliver: {"{"} folder: "{_folder}" {"}"}
            """);

        var run = await RunAsync(server, configuration, "weekly", Sender());

        var api = await KpiValueAsync(server.ClientWithBearer(server.AnalystKey), "/api/v1/kpi/usage?metric=api_call&period=last-30-days&as-of=2026-10-08");
        var users = await KpiValueAsync(server.ClientWithBearer(server.AnalystKey), "/api/v1/kpi/active-users?period=last-30-days&as-of=2026-10-08");
        // By hand: 10 + 30 + 60 + 5 = 105 API calls in the 30 days before 8 October, by 4 accounts and 4 users.
        Assert.Equal((105.0, 4.0), (api, users));
        Assert.Equal(ReportDelivery.Delivered, run.Status);
        Assert.Equal("weekly-20261008-050000Z.pdf", run.FileName);
        Assert.Equal([run.FileName, run.FileName + ".json"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var text = PdfText(await File.ReadAllBytesAsync(Path.Combine(_folder, run.FileName!)));
        Assert.Contains($"Usage (api_call) {api} 0", text, StringComparison.Ordinal);
        Assert.Contains($"Active users (MAU) {users} 0", text, StringComparison.Ordinal);
        Assert.Contains("Active accounts 4 0", text, StringComparison.Ordinal);
        using var metadata = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_folder, run.FileName + ".json")));
        Assert.Equal(("Weekly usage", "application/pdf", "2026-10-08"),
            (metadata.RootElement.GetProperty("subject").GetString(), metadata.RootElement.GetProperty("content_type").GetString(), metadata.RootElement.GetProperty("as_of").GetString()));
        var recorded = Assert.Single(await server.Store.ReportRuns.ListAsync(default));
        Assert.Equal(("weekly", s_asOf, ReportDelivery.Delivered, run.FileName), (recorded.Report, recorded.AsOf, recorded.Status, recorded.FileName));
        Assert.Equal(Path.Combine(_folder, run.FileName!), Assert.Single(recorded.Deliveries).Destination);
    }

    [Fact]
    public async Task A_kpi_csv_report_equals_the_kpi_csv_endpoint_and_escapes_formula_cells()
    {
        await using var server = await StartAsync();
        var configuration = Configuration($"""
            reports:
              by-segment:
                kind: kpi
                kpi: usage
                metric: api_call
                from: 2026-10-01
                to: 2026-11-01
                group_by: segment
                schedule: "0 7 1 * *"
                deliver: {"{"} folder: "{_folder}" {"}"}
            """);

        var run = await RunAsync(server, configuration, "by-segment", Sender());

        var endpoint = await (await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(
            "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&group-by=segment&as-of=2026-10-08&format=csv", UriKind.Relative))).Content.ReadAsByteArrayAsync();
        var file = await File.ReadAllBytesAsync(Path.Combine(_folder, run.FileName!));
        Assert.Equal(endpoint, file);
        var lines = Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["'+south,60", "'-minus,5", "'=SUM(A1),10", "'@ops,30", "segment,value"], lines);
    }

    [Fact]
    public async Task A_partner_scoped_report_holds_none_of_the_other_partners_accounts()
    {
        await using var server = await StartAsync();
        var configuration = Configuration($"""
            reports:
              north-overview:
                kind: overview
                partner: p-north
                schedule: "0 7 * * 1"
                deliver: {"{"} folder: "{_folder}" {"}"}
              north-accounts:
                kind: kpi
                kpi: usage
                metric: api_call
                period: last-30-days
                group_by: [account_id, segment]
                partner: p-north
                schedule: "0 7 * * 1"
                deliver: {"{"} folder: "{_folder}" {"}"}
              north-customer:
                kind: customer
                account: c
                partner: p-north
                schedule: "0 7 * * 1"
                deliver: {"{"} folder: "{_folder}" {"}"}
            """);

        var overview = await RunAsync(server, configuration, "north-overview", Sender());
        var accounts = await RunAsync(server, configuration, "north-accounts", Sender());
        var other = await RunAsync(server, configuration, "north-customer", Sender());

        var text = PdfText(await File.ReadAllBytesAsync(Path.Combine(_folder, overview.FileName!)));
        var csv = await File.ReadAllTextAsync(Path.Combine(_folder, accounts.FileName!));
        // p-north holds a (10), b (30) and d (5): 45 calls; c "Gamma South" (60) is p-south's.
        Assert.Contains("Usage (api_call) 45 0", text, StringComparison.Ordinal);
        Assert.Contains("Alpha North", text, StringComparison.Ordinal);
        foreach (var foreign in (string[])["Gamma", "South", "p-south", "+south"])
        {
            Assert.DoesNotContain(foreign, text + csv, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(["a", "b", "d"], csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
        // Another partner's account is as unknown to a partner's report as to its key: no file, the API's 404 message.
        Assert.Equal((ReportDelivery.Failed, null, "no account 'c'"), (other.Status, other.FileName, other.Error));
    }

    [Fact]
    public async Task A_webhook_delivery_is_signed_carries_the_file_and_is_retried_after_a_500()
    {
        await using var server = await StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var configuration = Configuration($"""
            reports:
              hooked:
                kind: overview
                schedule: "0 7 * * 1"
                deliver:
                  webhook: {"{"} url: "{receiver.Url}", secret: "{Secret}", name: mailer {"}"}
            """);
        using var client = WebhookSender.CreateClient();

        var run = await RunAsync(server, configuration, "hooked", new WebhookSender(client, new WebhookRetry(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10)), TimeProvider.System));

        var delivery = Assert.Single(run.Deliveries);
        Assert.Equal(("webhook", "mailer", ReportDelivery.Delivered, 2), (delivery.Target, delivery.Destination, delivery.Status, delivery.Attempts));
        var requests = receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), requests[1].Body));
        Assert.Equal(signature, requests[1].Headers["X-UsageLens-Signature"]);
        using var body = JsonDocument.Parse(requests[1].Body);
        var attachment = body.RootElement.GetProperty("attachment");
        Assert.Equal(("hooked", "UsageLens report hooked", "hooked-20261008-050000Z.pdf", "application/pdf"),
            (body.RootElement.GetProperty("report").GetString(), body.RootElement.GetProperty("subject").GetString(), attachment.GetProperty("file_name").GetString(), attachment.GetProperty("content_type").GetString()));
        Assert.Contains("Usage (api_call) 105 0", PdfText(attachment.GetProperty("content_base64").GetBytesFromBase64()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reports_endpoint_lists_a_partner_only_its_own_reports_with_the_last_run()
    {
        var configuration = Configuration($"""
            reports:
              north-weekly:
                kind: overview
                partner: p-north
                schedule: "0 7 * * 1"
                time_zone: Europe/Berlin
                deliver: {"{"} folder: "{_folder}" {"}"}
              south-weekly:
                kind: overview
                partner: p-south
                schedule: "0 7 * * 1"
                deliver: {"{"} folder: "{_folder}" {"}"}
            """);
        await using var server = await StartAsync(new ServerOptions { Configuration = configuration });
        await RunAsync(server, configuration, "north-weekly", Sender());

        var partner = await ListAsync(server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key));
        var analyst = await ListAsync(server.ClientWithBearer(server.AnalystKey));

        var north = Assert.Single(partner.GetProperty("reports").EnumerateArray());
        Assert.DoesNotContain("south", partner.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(("north-weekly", "Europe/Berlin", "delivered"), (north.GetProperty("name").GetString(), north.GetProperty("time_zone").GetString(), north.GetProperty("last_run").GetProperty("status").GetString()));
        Assert.Equal(["north-weekly", "south-weekly"], analyst.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, analyst.GetProperty("reports")[1].GetProperty("last_run").ValueKind);
    }

    [Theory]
    // 7 December 2026 is a Monday; Berlin is UTC+1 in winter, so 07:00 there is 06:00Z.
    [InlineData("0 7 * * 1", "Europe/Berlin", "2026-12-06T12:00:00Z", "2026-12-07T06:00:00Z")]
    // Summer time begins in Berlin on Sunday 29 March 2026: the next Monday's 07:00 is UTC+2, 05:00Z.
    [InlineData("0 7 * * 1", "Europe/Berlin", "2026-03-27T12:00:00Z", "2026-03-30T05:00:00Z")]
    // New York leaves summer time on Sunday 1 November 2026: 08:30 that day is UTC-5, 13:30Z (the day before it was 12:30Z).
    [InlineData("30 8 * * *", "America/New_York", "2026-10-31T13:00:00Z", "2026-11-01T13:30:00Z")]
    [InlineData("0 6 1 * *", "UTC", "2026-12-01T06:00:00Z", "2027-01-01T06:00:00Z")]
    public void The_next_run_is_the_schedules_next_time_in_the_reports_time_zone(string schedule, string zone, string after, string expected)
    {
        var report = Configuration($"reports:\n  r:\n    kind: overview\n    schedule: \"{schedule}\"\n    time_zone: {zone}\n    deliver: {{ folder: x }}\n").Reports[0];

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReportSchedule.Next(report, DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_run_reports_as_of_the_day_in_its_time_zone()
    {
        var report = Configuration("reports:\n  r:\n    kind: overview\n    schedule: \"30 0 * * *\"\n    time_zone: Europe/Berlin\n    deliver: { folder: x }\n").Reports[0];

        // 23:30Z on 6 December is 00:30 on 7 December in Berlin.
        Assert.Equal(new DateOnly(2026, 12, 7), ReportSchedule.AsOf(report, new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<RunningServer> StartAsync(ServerOptions? options = null)
    {
        var server = await ThreePartnerAccounts.StartAsync(options: options);
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(Named))).StatusCode);
        return server;
    }

    private static WorkspaceConfiguration Configuration(string yaml) => WorkspaceConfigurationReader.Read("usagelens.yaml", yaml);

    private static WebhookSender Sender() => new(s_client, WebhookRetry.Default, TimeProvider.System);

    private static async Task<ReportRun> RunAsync(RunningServer server, WorkspaceConfiguration configuration, string name, WebhookSender sender)
    {
        await server.MergedAsync();
        var runner = new ReportRunner(server.Store.ReportRuns, sender, new StoppedClock(s_now));
        var context = await KpiContext.CreateAsync(server.Store.Queries, default, configuration);
        return await runner.RunAsync(configuration.Reports.Single(r => r.Name == name), context, s_asOf, default);
    }

    private static async Task<double> KpiValueAsync(HttpClient client, string path) =>
        (await Json.ReadAsync(await client.GetAsync(new Uri(path, UriKind.Relative)))).GetProperty("value").GetDouble();

    private static async Task<JsonElement> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/api/v1/reports", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    // Words joined by single spaces, page by page, so a table row reads as its cells in order.
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
