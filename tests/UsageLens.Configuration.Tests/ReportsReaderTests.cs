using UsageLens.Core;
using UsageLens.Core.Configuration.Reports;

namespace UsageLens.Configuration.Tests;

public sealed class ReportsReaderTests
{
    [Fact]
    public void Reports_are_read_with_their_kind_scope_schedule_zone_and_destinations()
    {
        var configuration = WorkspaceConfigurationReader.Read("usagelens.yaml", """
            reports:
              weekly-overview:
                kind: overview
                schedule: "0 7 * * 1"
                time_zone: Europe/Berlin
                partner: p-north
                deliver:
                  folder: /var/reports
                  webhook: { url: "https://hooks.example.com/r", secret: "0123456789abcdef", name: mailer }
              usage-by-segment:
                kind: kpi
                kpi: usage
                metric: api_call
                period: last-month
                group_by: [segment]
                where: [plan=pro]
                schedule: "30 6 1 * *"
                deliver: { folder: out }
            """);

        var overview = configuration.Reports[0];
        Assert.Equal(("weekly-overview", ReportKind.Overview, "0 7 * * 1", "Europe/Berlin", "p-north"), (overview.Name, overview.Kind, overview.Schedule, overview.TimeZone.Id, overview.Partner));
        Assert.Equal(("/var/reports", "mailer", "pdf"), (overview.Folder, overview.Webhook!.Name, overview.Extension));
        Assert.Equal("UsageLens report weekly-overview for partner p-north", overview.Subject);
        var kpi = configuration.Reports[1];
        Assert.Equal(("usage", "api_call", "last-month", "csv"), (kpi.Kpi, kpi.KpiArguments.Metric, kpi.KpiArguments.Period, kpi.Extension));
        Assert.Equal(["segment"], kpi.KpiArguments.GroupBy);
        Assert.Equal(["plan=pro"], kpi.KpiArguments.Where);
        Assert.Equal(TimeZoneInfo.Utc, kpi.TimeZone);
        Assert.Null(kpi.Webhook);
    }

    [Theory]
    [InlineData("reports:\n  r:\n    kind: pie\n    schedule: \"0 7 * * *\"\n    deliver: { folder: x }\n", "usagelens.yaml: reports.r.kind: 'pie' must be overview, customer, kpi or insight (line 3)")]
    [InlineData("reports:\n  r:\n    kind: overview\n    schedule: \"0 25 * * *\"\n    deliver: { folder: x }\n", "usagelens.yaml: reports.r.schedule: '0 25 * * *' is not a five-field cron expression")]
    [InlineData("reports:\n  r:\n    kind: overview\n    schedule: \"0 7 * * *\"\n    time_zone: Mars/Olympus\n    deliver: { folder: x }\n", "usagelens.yaml: reports.r.time_zone: 'Mars/Olympus' is not a known time zone; give an IANA name such as Europe/Berlin or UTC (line 5)")]
    [InlineData("reports:\n  r:\n    kind: overview\n    schedule: \"0 7 * * *\"\n", "usagelens.yaml: reports.r.deliver: is required: a folder and/or a webhook (url, secret) the report is delivered to (line 3)")]
    [InlineData("reports:\n  r:\n    kind: customer\n    schedule: \"0 7 * * *\"\n    deliver: { folder: x }\n", "usagelens.yaml: reports.r.account: is required for a customer report: the account id (line 3)")]
    [InlineData("reports:\n  r:\n    kind: kpi\n    kpi: usage\n    grain: [a, b]\n    schedule: \"0 7 * * *\"\n    deliver: { folder: x }\n", "usagelens.yaml: reports.r: grain is given 2 times; give it once (line 3)")]
    [InlineData("reports:\n  r:\n    kind: kpi\n    kpi: usag\n    schedule: \"0 7 * * *\"\n    deliver: { folder: x }\n", "usagelens.yaml: reports.r.kpi: ")]
    [InlineData("reports:\n  r:\n    kind: overview\n    schedule: \"0 7 * * *\"\n    deliver:\n      webhook: { url: \"ftp://x\", secret: \"0123456789abcdef\" }\n", "usagelens.yaml: reports.r.deliver.webhook.url: 'ftp://x' must be an absolute http or https URL (line 6)")]
    [InlineData("reports:\n  r:\n    kind: overview\n    schedule: \"0 7 * * *\"\n    colour: red\n    deliver: { folder: x }\n", "usagelens.yaml: reports.r.colour: unknown key; expected kind, schedule, time_zone, partner, subject, deliver, enabled (line 3)")]
    public void A_bad_report_is_refused_naming_the_key_and_line(string yaml, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("usagelens.yaml", yaml));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(line \d+\)$", error.Message);
    }
}
