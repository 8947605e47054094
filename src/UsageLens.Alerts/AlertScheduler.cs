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
    /// <summary>Told of each completed evaluation.</summary>
    public Action<AlertRuleRun>? Evaluated { get; init; }

    /// <summary>Told of each rule whose evaluation failed.</summary>
    public Action<AlertRule, Exception>? Failed { get; init; }

    public Task RunAsync(CancellationToken cancellationToken) =>
        CronLoop.RunAsync([.. rules.Where(r => r.Enabled)], (rule, after) => AlertSchedule.Next(rule.Schedule, after),
            (rule, now, token) => EvaluateAsync(rule, DateOnly.FromDateTime(now.UtcDateTime), token), clock, cancellationToken);

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
