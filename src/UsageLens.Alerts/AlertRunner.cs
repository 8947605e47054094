using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;

namespace UsageLens.Alerts;

/// <summary>
/// Evaluates a rule as of a day, delivers what fires to each of its webhooks and records the outcome.
/// A subject's new state is recorded only once every target has taken the firing or refused it for
/// good (4xx): after a 5xx, a timeout or a network error outlasting the retries, the next evaluation
/// fires the same transition again under the same idempotency key, so the receivers that already
/// have it can drop the copy.
/// </summary>
public sealed class AlertRunner(AlertLog log, WebhookSender sender, TimeProvider clock)
{
    /// <summary>The log the runner reads states from and appends to.</summary>
    public AlertLog Log => log;

    public async Task<AlertRuleRun> RunAsync(AlertRule rule, KpiContext context, DateOnly asOf, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var previous = await log.StatesAsync(rule.Name, cancellationToken).ConfigureAwait(false);
        var observations = rule is ThresholdAlertRule threshold
            ? await ThresholdEvaluation.EvaluateAsync(threshold, context, asOf, previous, cancellationToken).ConfigureAwait(false)
            : await InsightEvaluation.EvaluateAsync(rule, context, asOf, previous, cancellationToken).ConfigureAwait(false);
        var firedAt = clock.GetUtcNow();
        var firings = observations.Where(o => o.Fires).Select(o => Firing(rule, o, previous.GetValueOrDefault(o.Subject), asOf, firedAt)).ToList();
        var changed = observations.Where(o => previous.GetValueOrDefault(o.Subject)?.Value != o.State).ToList();
        var changes = rule is ThresholdAlertRule ? observations.Select(o => o.Summary).ToList() : changed.Select(o => o.Summary).ToList();
        if (dryRun)
        {
            return new AlertRuleRun(rule.Name, rule.Kind, asOf, changes, firings, []);
        }
        var deliveries = new List<AlertDelivery>();
        var undelivered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var firing in firings)
        {
            var sent = await Task.WhenAll(rule.Webhooks.Select(t => sender.SendAsync(firing, t, cancellationToken))).ConfigureAwait(false);
            deliveries.AddRange(sent);
            if (sent.Any(d => d.Status == AlertDelivery.Failed))
            {
                undelivered.Add(firing.Subject);
            }
        }
        var lines = deliveries.Select(AlertLogLine.Of)
            .Concat(changed.Where(o => !undelivered.Contains(o.Subject)).Select(o => new AlertLogLine(AlertLogLine.StateType, rule.Name, o.Subject, firedAt)
            {
                Value = o.State,
                AsOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }))
            .ToList();
        await log.AppendAsync(lines, cancellationToken).ConfigureAwait(false);
        return new AlertRuleRun(rule.Name, rule.Kind, asOf, changes, firings, deliveries);
    }

    private static AlertFiring Firing(AlertRule rule, AlertObservation observation, AlertSubjectState? previous, DateOnly asOf, DateTimeOffset firedAt)
    {
        var key = AlertPayload.Key(rule, observation, previous);
        var body = AlertPayload.Body(rule, observation, key, previous?.Value, asOf, firedAt);
        return new AlertFiring(rule.Name, rule.Kind, key, observation.Subject, previous?.Value, observation.State, asOf, firedAt, observation.Summary, body);
    }
}
