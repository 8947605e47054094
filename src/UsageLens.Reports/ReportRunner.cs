using UsageLens.Alerts;
using UsageLens.Core;
using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Kpis;
using UsageLens.Core.Reports;

namespace UsageLens.Reports;

/// <summary>
/// Runs one report: renders it, delivers the file to its folder and its webhook, and records the run in the workspace's
/// <c>report_runs</c>. A report that cannot be rendered (an account the workspace lacks) is recorded as failed with why.
/// </summary>
public sealed class ReportRunner(IReportRunStore runs, WebhookSender webhooks, TimeProvider clock)
{
    public async Task<ReportRun> RunAsync(ScheduledReport report, KpiContext context, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = clock.GetUtcNow();
        ReportRun run;
        try
        {
            var file = await ReportRenderer.RenderAsync(report, asOf, now, context, cancellationToken).ConfigureAwait(false);
            var deliveries = new List<ReportDelivery>();
            if (report.Folder is { } folder)
            {
                deliveries.Add(await FolderDelivery.WriteAsync(file, report.Name, report.Partner, folder, cancellationToken).ConfigureAwait(false));
            }
            if (report.Webhook is { } webhook)
            {
                deliveries.Add(await ReportWebhook.PostAsync(webhooks, file, report.Name, report.Partner, webhook, cancellationToken).ConfigureAwait(false));
            }
            var status = deliveries.All(d => d.Status == ReportDelivery.Delivered) ? ReportDelivery.Delivered : ReportDelivery.Failed;
            run = new ReportRun(report.Name, report.Partner, now.UtcDateTime, asOf, status, file.FileName, deliveries, null);
        }
        catch (UsageLensException ex)
        {
            run = new ReportRun(report.Name, report.Partner, now.UtcDateTime, asOf, ReportDelivery.Failed, null, [], ex.Message);
        }
        await runs.RecordAsync(run, cancellationToken).ConfigureAwait(false);
        return run;
    }
}
