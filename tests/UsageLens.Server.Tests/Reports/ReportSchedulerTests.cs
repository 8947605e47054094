using Microsoft.Extensions.Time.Testing;
using UsageLens.Alerts;
using UsageLens.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Core.Reports;
using UsageLens.Reports;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Reports;

public sealed class ReportSchedulerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("usagelens-scheduled-").FullName;

    [Fact]
    public async Task A_report_runs_when_its_time_comes_in_its_time_zone_and_a_disabled_one_does_not()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        var configuration = WorkspaceConfigurationReader.Read("usagelens.yaml", $$"""
            reports:
              october:
                kind: kpi
                kpi: usage
                metric: api_call
                from: 2026-10-01
                to: 2026-11-01
                group_by: account_id
                schedule: "0 7 * * 1"
                time_zone: Europe/Berlin
                deliver: { folder: "{{_folder}}" }
              paused:
                kind: overview
                schedule: "* * * * *"
                enabled: false
                deliver: { folder: "{{_folder}}" }
            """);
        // Monday 7 December 2026, 05:59Z: 06:59 in Berlin, a minute before the report is due.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 5, 59, 0, TimeSpan.Zero));
        using var client = WebhookSender.CreateClient();
        await server.MergedAsync();
        var runs = new List<ReportRun>();
        var scheduler = new ReportScheduler(new ReportRunner(server.Store.ReportRuns, new WebhookSender(client, WebhookRetry.Default, clock), clock), configuration.Reports,
            token => KpiContext.CreateAsync(server.Store.Queries, token, configuration), clock)
        {
            Ran = runs.Add,
        };
        using var stop = new CancellationTokenSource();

        // The loop is asleep on the clock's timer by the time RunAsync returns; a minute later the report is due.
        var loop = scheduler.RunAsync(stop.Token);
        Assert.Empty(Directory.GetFiles(_folder));
        clock.Advance(TimeSpan.FromMinutes(1));
        var file = Path.Combine(_folder, "october-20261207-060000Z.csv");
        for (var waited = 0; !File.Exists(file + ".json") && waited < 300; waited++)
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        // Cancelled, the loop ends: asleep, with OperationCanceledException; still recording the run it just delivered
        // (a loaded machine), at the top of its next turn. A loop that went on would time out here.
        try
        {
            await loop.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }
        Assert.True(loop.IsCompleted);

        Assert.Equal(["account_id,value", "a,10", "b,30", "c,60"], await File.ReadAllLinesAsync(file));
        var run = Assert.Single(runs);
        Assert.Equal(("october", new DateOnly(2026, 12, 7)), (run.Report, run.AsOf));
        Assert.Equal(["october"], (await server.Store.ReportRuns.ListAsync(default)).Select(r => r.Report));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
