using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;

namespace UsageLens.Alerts;

/// <summary>
/// Evaluates enabled rules on their cron schedules (UTC) until cancelled: it sleeps until the earliest
/// next occurrence, runs every rule due then as of the clock's day, and computes each one's next
/// occurrence after that moment. A rule that fails is reported and tried again at its next occurrence;
/// it never stops the others. Occurrences missed while the process was down are not caught up.
/// </summary>
public sealed class AlertScheduler(AlertRunner runner, IReadOnlyList<AlertRule> rules, Func<CancellationToken, Task<KpiContext>> contexts, TimeProvider clock)
{
    // Task.Delay takes at most about 49 days; longer waits are slept in steps.
    private static readonly TimeSpan s_longestSleep = TimeSpan.FromDays(1);

    /// <summary>Told of each completed evaluation.</summary>
    public Action<AlertRuleRun>? Evaluated { get; init; }

    /// <summary>Told of each rule whose evaluation failed.</summary>
    public Action<AlertRule, Exception>? Failed { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = clock.GetUtcNow();
        var next = rules.Where(r => r.Enabled).Select(r => (Rule: r, At: AlertSchedule.Next(r.Schedule, start))).ToList();
        while (!cancellationToken.IsCancellationRequested && next.Any(n => n.At is not null))
        {
            var earliest = next.Where(n => n.At is not null).Min(n => n.At!.Value);
            var wait = earliest - clock.GetUtcNow();
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
                    await EvaluateAsync(next[i].Rule, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken).ConfigureAwait(false);
                    next[i] = (next[i].Rule, AlertSchedule.Next(next[i].Rule.Schedule, now));
                }
            }
        }
    }

    private async Task EvaluateAsync(AlertRule rule, DateOnly asOf, CancellationToken cancellationToken)
    {
        try
        {
            var context = await contexts(cancellationToken).ConfigureAwait(false);
            Evaluated?.Invoke(await runner.RunAsync(rule, context, asOf, dryRun: false, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed?.Invoke(rule, ex);
        }
    }
}
