using UsageLens.Alerts;
using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Kpis;
using UsageLens.Core.Reports;

namespace UsageLens.Reports;

/// <summary>
/// Runs enabled reports on their cron schedules (each read in its time zone) until cancelled, on the <see cref="CronLoop"/>
/// alert rules run on; each run is as of that day in the report's time zone. A report that fails is reported and tried again at its next occurrence; it never
/// stops the others. Occurrences missed while the process was down are not caught up.
/// </summary>
public sealed class ReportScheduler(ReportRunner runner, IReadOnlyList<ScheduledReport> reports, Func<CancellationToken, Task<KpiContext>> contexts, TimeProvider clock)
{
    /// <summary>Told of each completed run.</summary>
    public Action<ReportRun>? Ran { get; init; }

    /// <summary>Told of each report whose run failed with an exception (a lost workspace, say).</summary>
    public Action<ScheduledReport, Exception>? Failed { get; init; }

    public Task RunAsync(CancellationToken cancellationToken) =>
        CronLoop.RunAsync([.. reports.Where(r => r.Enabled)], ReportSchedule.Next,
            (report, now, token) => RunOneAsync(report, ReportSchedule.AsOf(report, now), token), clock, cancellationToken);

    private async Task RunOneAsync(ScheduledReport report, DateOnly asOf, CancellationToken cancellationToken)
    {
        try
        {
            var context = await contexts(cancellationToken).ConfigureAwait(false);
            Ran?.Invoke(await runner.RunAsync(report, context, asOf, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed?.Invoke(report, ex);
        }
    }
}
