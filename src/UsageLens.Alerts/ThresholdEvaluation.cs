using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Insights;

namespace UsageLens.Alerts;

/// <summary>
/// A threshold rule: the KPI over the rule's period before the evaluation day, through the KPI catalogue
/// exactly as <c>usagelens kpi</c> computes it. It fires when the comparison starts to hold, not again
/// while it keeps holding, and again after it has stopped holding at some evaluation.
/// </summary>
internal static class ThresholdEvaluation
{
    public const string Holds = "holds";
    public const string Clear = "clear";
    public const string NoData = "no-data";
    public const string Subject = "workspace";

    public static async Task<IReadOnlyList<AlertObservation>> EvaluateAsync(ThresholdAlertRule rule, KpiContext context, DateOnly asOf, IReadOnlyDictionary<string, AlertSubjectState> previous, CancellationToken cancellationToken)
    {
        var kpi = KpiCatalog.Find(rule.Kpi);
        var arguments = new KpiArguments { Metric = rule.Metric, Period = rule.Period, Where = rule.Where, Options = rule.Options, ComparePrevious = false };
        var request = arguments.Resolve(kpi.Definition, context.Model, asOf, AccountScope.All);
        if (request.Period.To > asOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
        {
            throw new UsageLensException($"alerts.{rule.Name}.period: {request.Period} reaches the evaluation day {Day(asOf)}; alerts read only complete days before it");
        }
        var result = await kpi.ComputeAsync(request, context, cancellationToken).ConfigureAwait(false);
        var comparison = rule.Direction == ThresholdDirection.Above ? "above" : "below";
        var what = $"{rule.Kpi}{(rule.Metric is null ? "" : $" of {rule.Metric}")} over {result.Period}";
        if (result.Value is not { } value)
        {
            return [new AlertObservation(Subject, NoData, false, $"{what} has no value (no data)")];
        }
        var holds = rule.Direction == ThresholdDirection.Above ? value > rule.Value : value < rule.Value;
        var state = holds ? Holds : Clear;
        var fires = holds && previous.GetValueOrDefault(Subject)?.Value != Holds;
        var summary = $"{what} is {N(value)} {result.Unit}".TrimEnd() + $", {(holds ? "" : "not ")}{comparison} {N(rule.Value)}";
        return
        [
            new AlertObservation(Subject, state, fires, summary)
            {
                Values =
                [
                    InsightValue.Of("kpi", rule.Kpi),
                    InsightValue.Of("metric", rule.Metric),
                    InsightValue.Of("period", result.Period.ToString()),
                    InsightValue.Of("value", value),
                    InsightValue.Of("unit", result.Unit),
                    InsightValue.Of(comparison, rule.Value),
                ],
            },
        ];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
