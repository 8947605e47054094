using System.Globalization;
using UsageLens.Core.Configuration.Alerts;
using UsageLens.Insights;

namespace UsageLens.Alerts;

/// <summary>
/// Pure decisions over an insight's findings and the states recorded at the rule's previous
/// evaluations: which subjects changed (recorded) and which of those fire.
/// </summary>
internal static class FindingRules
{
    public const string Sent = "sent";
    public const string Above = "above";
    public const string NotAbove = "not-above";

    /// <summary>Each finding at or above the severity fires once: its subject is account, metric, day and kind.</summary>
    public static IReadOnlyList<AlertObservation> Anomalies(AnomalyAlertRule rule, InsightResult result, IReadOnlyDictionary<string, AlertSubjectState> previous) =>
        result.Findings
            .Where(f => f.Score >= rule.MinSeverity)
            .Select(f => (Finding: f, Subject: $"{f.Subject}|{Text(f, "metric")}|{Text(f, "day")}|{f.Kind}"))
            .Where(f => !previous.ContainsKey(f.Subject))
            .Select(f => new AlertObservation(f.Subject, Sent, true, f.Finding.Why) { Values = [InsightValue.Of("account", f.Finding.Subject), InsightValue.Of("kind", f.Finding.Kind), .. f.Finding.Values] })
            .ToList();

    /// <summary>
    /// An account whose band differs from the one recorded fires (only into <see cref="HealthBandAlertRule.To"/> when set).
    /// An account seen for the first time, and every account at the rule's first evaluation, is recorded without firing:
    /// there is no change to report yet.
    /// </summary>
    public static IReadOnlyList<AlertObservation> HealthBands(HealthBandAlertRule rule, InsightResult result, IReadOnlyDictionary<string, AlertSubjectState> previous)
    {
        var observations = new List<AlertObservation>();
        foreach (var finding in result.Findings)
        {
            var before = previous.GetValueOrDefault(finding.Subject)?.Value;
            if (before == finding.Kind)
            {
                continue;
            }
            var fires = before is not null && (rule.To is null || rule.To == finding.Kind);
            var summary = before is null
                ? $"{finding.Subject} is {finding.Kind} (first seen by this rule)"
                : $"{finding.Subject} moved from {before} to {finding.Kind}: {finding.Why}";
            observations.Add(new AlertObservation(finding.Subject, finding.Kind, fires, summary)
            {
                Values = [InsightValue.Of("previous_band", before), InsightValue.Of("band", finding.Kind), InsightValue.Of("score", finding.Score), .. finding.Values],
            });
        }
        return observations;
    }

    /// <summary>An account fires when its risk rises above the probability, and again only after it has been at or below it.</summary>
    public static IReadOnlyList<AlertObservation> ChurnRisk(ChurnRiskAlertRule rule, InsightResult result, IReadOnlyDictionary<string, AlertSubjectState> previous)
    {
        var model = result.Figures.FirstOrDefault(f => f.Name == "model")?.Text;
        var observations = new List<AlertObservation>();
        foreach (var finding in result.Findings)
        {
            var state = finding.Score > rule.Probability ? Above : NotAbove;
            var before = previous.GetValueOrDefault(finding.Subject)?.Value;
            if (before == state || (before is null && state == NotAbove))
            {
                continue;
            }
            var fires = state == Above;
            var summary = fires
                ? $"{finding.Subject}: churn risk {finding.Score.ToString("0.###", CultureInfo.InvariantCulture)} is above {rule.Probability.ToString("0.###", CultureInfo.InvariantCulture)}; {finding.Why}"
                : $"{finding.Subject}: churn risk back to {finding.Score.ToString("0.###", CultureInfo.InvariantCulture)}";
            observations.Add(new AlertObservation(finding.Subject, state, fires, summary)
            {
                Values = [InsightValue.Of("risk", finding.Score), InsightValue.Of("above", rule.Probability), InsightValue.Of("model", model), .. finding.Values],
            });
        }
        return observations;
    }

    private static string? Text(InsightFinding finding, string name) => finding.Values.FirstOrDefault(v => v.Name == name)?.Text;
}
