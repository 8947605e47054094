using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights;

namespace UsageLens.Alerts;

/// <summary>
/// The rules that watch an insight's findings (anomaly, health-band, churn-risk): each computes its
/// insight through <see cref="InsightRegistry"/> as of the evaluation day, over every account.
/// </summary>
internal static class InsightEvaluation
{
    public static async Task<IReadOnlyList<AlertObservation>> EvaluateAsync(AlertRule rule, KpiContext context, DateOnly asOf, IReadOnlyDictionary<string, AlertSubjectState> previous, CancellationToken cancellationToken)
    {
        switch (rule)
        {
            case AnomalyAlertRule anomaly:
                var from = asOf.AddDays(-anomaly.RecentDays);
                var options = new Dictionary<string, string>
                {
                    ["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    // The lookback must cover the recent days plus twice the default 28-day baseline before them.
                    ["lookback"] = Math.Max(90, anomaly.RecentDays + 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                var anomalies = await ComputeAsync("anomalies", new InsightRequest(asOf, AccountScope.All) { Metric = anomaly.Metric, Where = rule.Where, Options = options }, context, cancellationToken).ConfigureAwait(false);
                return FindingRules.Anomalies(anomaly, anomalies, previous);
            case HealthBandAlertRule band:
                var health = await ComputeAsync("health", new InsightRequest(asOf, AccountScope.All) { Metric = band.Metric, Where = rule.Where }, context, cancellationToken).ConfigureAwait(false);
                return FindingRules.HealthBands(band, health, previous);
            case ChurnRiskAlertRule churn:
                var risk = await ComputeAsync("churn-risk", new InsightRequest(asOf, AccountScope.All) { Where = rule.Where }, context, cancellationToken).ConfigureAwait(false);
                return FindingRules.ChurnRisk(churn, risk, previous);
            default:
                throw new ArgumentException($"rule kind {rule.Kind} is not an insight rule", nameof(rule));
        }
    }

    private static Task<InsightResult> ComputeAsync(string insight, InsightRequest request, KpiContext context, CancellationToken cancellationToken) =>
        InsightRegistry.Find(insight).ComputeAsync(request, context, cancellationToken);
}
