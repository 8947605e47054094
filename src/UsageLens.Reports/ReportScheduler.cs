using UsageLens.Core.Configuration.Reports;
using UsageLens.Core.Kpis;
using UsageLens.Core.Reports;

namespace UsageLens.Reports;

/// <summary>
/// Runs enabled reports on their cron schedules until cancelled, as <c>AlertScheduler</c> runs alert rules: it sleeps
/// until the earliest next occurrence, runs every report due then (as of that day in the report's time zone) and
/// computes each one's next occurrence. A report that fails is reported and tried again at its next occurrence; it never
/// stops the others. Occurrences missed while the process was down are not caught up.
/// </summary>
public sealed class ReportScheduler(ReportRunner runner, IReadOnlyList<ScheduledReport> reports, Func<CancellationToken, Task<KpiContext>> contexts, TimeProvider clock)
{
    // Task.Delay takes at most about 49 days; longer waits are slept in steps.
    private static readonly TimeSpan s_longestSleep = TimeSpan.FromDays(1);

    /// <summary>Told of each completed run.</summary>
    public Action<ReportRun>? Ran { get; init; }

    /// <summary>Told of each report whose run failed with an exception (a lost workspace, say).</summary>
    public Action<ScheduledReport, Exception>? Failed { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = clock.GetUtcNow();
        var next = reports.Where(r => r.Enabled).Select(r => (Report: r, At: ReportSchedule.Next(r, start))).ToList();
        while (!cancellationToken.IsCancellationRequested && next.Any(n => n.At is not null))
        {
            var wait = next.Where(n => n.At is not null).Min(n => n.At!.Value) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < s_longestSleep ? wait : s_longestSleep, clock, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var now = clock.GetUtcNow();
            for (var i = 0; i < next.Count; i++)
            {
                if (next[i].At is { } at && at <= now)
                {
                    await RunOneAsync(next[i].Report, ReportSchedule.AsOf(next[i].Report, now), cancellationToken).ConfigureAwait(false);
                    next[i] = (next[i].Report, ReportSchedule.Next(next[i].Report, now));
                }
            }
        }
    }

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
