using UsageLens.Core.Configuration.Alerts;
using UsageLens.Insights;

namespace UsageLens.Alerts.Tests;

public sealed class FindingRulesTests
{
    private static readonly WebhookTarget[] s_hook = [new("h", new Uri("http://127.0.0.1:9/x"), "0123456789abcdef")];

    private static InsightResult Result(params InsightFinding[] findings) =>
        new("test", new DateOnly(2026, 9, 1), "m", "s") { Findings = findings, Figures = [InsightValue.Of("model", "logistic-regression")] };

    private static Dictionary<string, AlertSubjectState> States(params (string Subject, string Value)[] states) =>
        states.ToDictionary(s => s.Subject, s => new AlertSubjectState(s.Value, 1));

    [Fact]
    public void Churn_risk_fires_when_an_account_rises_above_p_and_again_only_after_falling_back()
    {
        var rule = new ChurnRiskAlertRule("churn", "0 6 * * 1", s_hook, 0.5);
        var risks = Result(new("a", "high", 0.7, "why a"), new("b", "low", 0.5, "why b"), new("c", "high", 0.9, "why c"), new("d", "low", 0.1, "why d"));

        // a: first seen above 0.5 → fires; b: exactly 0.5 is not above → nothing to record; c: already above → nothing;
        // d: was above, now 0.1 → recorded as back below, no firing.
        var observed = FindingRules.ChurnRisk(rule, risks, States(("c", FindingRules.Above), ("d", FindingRules.Above)));

        Assert.Equal([("a", FindingRules.Above, true), ("d", FindingRules.NotAbove, false)], observed.Select(o => (o.Subject, o.State, o.Fires)));
        Assert.Equal("logistic-regression", observed[0].Values.Single(v => v.Name == "model").Text);
        Assert.Equal(0.7, observed[0].Values.Single(v => v.Name == "risk").Number);
    }

    [Fact]
    public void Anomalies_at_or_above_the_severity_fire_once_each()
    {
        var rule = new AnomalyAlertRule("spikes", "0 * * * *", s_hook) { MinSeverity = 10 };
        InsightFinding Finding(string account, double severity, string day) =>
            new(account, "anomaly", severity, $"why {account}") { Values = [InsightValue.Of("metric", "api_call"), InsightValue.Of("day", day)] };
        var result = Result(Finding("a", 12, "2026-08-30"), Finding("b", 10, "2026-08-31"), Finding("c", 9.99, "2026-08-31"), Finding("d", 40, "2026-08-29"));

        var observed = FindingRules.Anomalies(rule, result, States(("d|api_call|2026-08-29|anomaly", FindingRules.Sent)));

        Assert.Equal(["a|api_call|2026-08-30|anomaly", "b|api_call|2026-08-31|anomaly"], observed.Select(o => o.Subject));
        Assert.All(observed, o => Assert.True(o.Fires));
    }
}
