using UsageLens.Configuration;
using UsageLens.Core;
using UsageLens.Core.Configuration.Alerts;

namespace UsageLens.Alerts.Tests;

public sealed class AlertRulesConfigurationTests
{
    private const string Hook = "webhooks: [{ url: 'https://hooks.example.com/u', secret: 'a-secret-of-16-chars' }]";

    [Fact]
    public void Every_kind_is_read_with_its_keys_in_the_files_order()
    {
        var configuration = WorkspaceConfigurationReader.Read("usagelens.yaml", $$"""
            alerts:
              calls-low:
                kind: threshold
                schedule: "0 8 * * 1-5"
                kpi: usage
                metric: api_call
                period: last-14-days
                where: [segment=enterprise]
                below: 1000
                webhooks:
                  - { url: "https://hooks.example.com/a", secret: "0123456789abcdef", name: ops }
                  - { url: "http://10.0.0.5:8080/hook", secret: "fedcba9876543210" }
              spikes: { kind: anomaly, schedule: "*/30 * * * *", min_severity: 12, metric: api_call, recent_days: 3, {{Hook}} }
              at-risk: { kind: health-band, schedule: "0 7 * * *", to: at-risk, enabled: false, {{Hook}} }
              churn: { kind: churn-risk, schedule: "0 6 * * 1", above: 0.5, {{Hook}} }
            """);

        var rules = configuration.Alerts;
        Assert.Equal(["calls-low", "spikes", "at-risk", "churn"], rules.Select(r => r.Name));
        var threshold = Assert.IsType<ThresholdAlertRule>(rules[0]);
        Assert.Equal(("usage", "api_call", "last-14-days", ThresholdDirection.Below, 1000.0, "0 8 * * 1-5"), (threshold.Kpi, threshold.Metric, threshold.Period, threshold.Direction, threshold.Value, threshold.Schedule));
        Assert.Equal(["segment=enterprise"], threshold.Where);
        Assert.Equal([("ops", "https://hooks.example.com/a"), ("10.0.0.5:8080", "http://10.0.0.5:8080/hook")], threshold.Webhooks.Select(w => (w.Name, w.Url.ToString())));
        var anomaly = Assert.IsType<AnomalyAlertRule>(rules[1]);
        Assert.Equal((12.0, "api_call", 3), (anomaly.MinSeverity, anomaly.Metric, anomaly.RecentDays));
        var band = Assert.IsType<HealthBandAlertRule>(rules[2]);
        Assert.Equal(("at-risk", false), (band.To, band.Enabled));
        Assert.Equal(0.5, Assert.IsType<ChurnRiskAlertRule>(rules[3]).Probability);
    }

    [Theory]
    [InlineData("x: { schedule: '0 8 * * *', HOOK }", "usagelens.yaml: alerts.x.kind: is required: threshold, anomaly, health-band or churn-risk")]
    [InlineData("x: { kind: spike, schedule: '0 8 * * *', HOOK }", "usagelens.yaml: alerts.x.kind: 'spike' must be threshold, anomaly, health-band or churn-risk")]
    [InlineData("x: { kind: churn-risk, above: 0.5, HOOK }", "usagelens.yaml: alerts.x.schedule: is required: a cron expression in UTC")]
    [InlineData("x: { kind: churn-risk, schedule: '0 25 * * *', above: 0.5, HOOK }", "usagelens.yaml: alerts.x.schedule: '0 25 * * *' is not a five-field cron expression")]
    [InlineData("x: { kind: churn-risk, schedule: '0 8 * * *', above: 0.5 }", "usagelens.yaml: alerts.x.webhooks: is required: a list of at least one webhook")]
    [InlineData("x: { kind: churn-risk, schedule: '0 8 * * *', above: 0.5, webhooks: [{ url: 'ftp://h/x', secret: 'a-secret-of-16-chars' }] }", "usagelens.yaml: alerts.x.webhooks[0].url: 'ftp://h/x' must be an absolute http or https URL")]
    [InlineData("x: { kind: churn-risk, schedule: '0 8 * * *', above: 0.5, webhooks: [{ url: 'https://h/x', secret: short }] }", "usagelens.yaml: alerts.x.webhooks[0].secret: must be at least 16 characters")]
    [InlineData("x: { kind: churn-risk, schedule: '0 8 * * *', above: 1.5, HOOK }", "usagelens.yaml: alerts.x.above: '1.5' must be a probability from 0 to below 1")]
    [InlineData("x: { kind: churn-risk, schedule: '0 8 * * *', below: 0.5, HOOK }", "usagelens.yaml: alerts.x.below: unknown key; expected kind, schedule, webhooks, enabled, where, above")]
    [InlineData("x: { kind: threshold, schedule: '0 8 * * *', kpi: usage, HOOK }", "usagelens.yaml: alerts.x: give exactly one of above or below")]
    [InlineData("x: { kind: threshold, schedule: '0 8 * * *', kpi: usgae, above: 1, HOOK }", "usagelens.yaml: alerts.x.kpi: unknown KPI 'usgae'")]
    [InlineData("x: { kind: threshold, schedule: '0 8 * * *', kpi: usage, options: { nope: 1 }, above: 1, HOOK }", "usagelens.yaml: alerts.x.options.nope: usage has no such option")]
    [InlineData("x: { kind: threshold, schedule: '0 8 * * *', kpi: usage, period: this-month, above: 1, HOOK }", "usagelens.yaml: alerts.x.period: 'this-month' includes the evaluation day")]
    [InlineData("x: { kind: threshold, schedule: '0 8 * * *', kpi: usage, period: fortnight, above: 1, HOOK }", "usagelens.yaml: alerts.x.period: period 'fortnight' is not one of")]
    [InlineData("x: { kind: threshold, schedule: '0 8 * * *', kpi: usage, above: lots, HOOK }", "usagelens.yaml: alerts.x.above: 'lots' must be a number")]
    [InlineData("x: { kind: health-band, schedule: '0 8 * * *', to: sick, HOOK }", "usagelens.yaml: alerts.x.to: 'sick' must be one of healthy, neutral, at-risk")]
    [InlineData("x: { kind: anomaly, schedule: '0 8 * * *', recent_days: 0, HOOK }", "usagelens.yaml: alerts.x.recent_days: '0' must be a whole number from 1 to 60")]
    [InlineData("x: { kind: anomaly, schedule: '0 8 * * *', where: segment, HOOK }", "usagelens.yaml: alerts.x.where: 'segment' must look like dimension=value")]
    [InlineData("x: { kind: anomaly, schedule: '0 8 * * *', enabled: yes, HOOK }", "usagelens.yaml: alerts.x.enabled: must be true or false")]
    [InlineData("'bad name': { kind: anomaly, schedule: '0 8 * * *', HOOK }", "usagelens.yaml: alerts.bad name: a rule name is letters, digits")]
    public void A_mistake_names_the_file_the_path_and_the_reason(string rule, string message)
    {
        var text = "alerts:\n  " + rule.Replace("HOOK", Hook, StringComparison.Ordinal);

        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("usagelens.yaml", text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_configuration_reads_with_its_alert_examples()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "usagelens.yaml");

        var rules = WorkspaceConfigurationReader.Read("usagelens.yaml", File.ReadAllText(path)).Alerts;

        Assert.Equal(["threshold", "anomaly", "health-band", "churn-risk"], rules.Select(r => r.Kind));
        Assert.All(rules, r => Assert.False(r.Enabled));
    }
}
