using UsageLens.Core;
using UsageLens.Core.Semantics;
using UsageLens.Core.Semantics.Custom;

namespace UsageLens.Configuration.Tests;

public sealed class CustomMetricsReaderTests
{
    [Fact]
    public void Formula_and_state_metrics_are_read_with_their_units()
    {
        var configuration = WorkspaceConfigurationReader.Read("usagelens.yaml", """
            metrics:
              defect_rate: { formula: "sum(defects) / sum(units_produced) * 100", unit: "%", description: Defects per 100 units }
              uptime:
                state: { event: machine_state, property: status, up: [running, Idle], entity: machine_id }
            """);

        var rate = Assert.IsType<FormulaMetric>(configuration.Metrics["defect_rate"]);
        Assert.Equal(("%", "Defects per 100 units"), (rate.Unit, rate.Description));
        Assert.Equal(
            new FormulaBinary('*', new FormulaBinary('/', new FormulaTerm(new UsageMetric("defects", Aggregation.Sum)), new FormulaTerm(new UsageMetric("units_produced", Aggregation.Sum))), new FormulaNumber(100)),
            rate.Expression);
        var uptime = Assert.IsType<StateMetric>(configuration.Metrics["uptime"]);
        Assert.Equal(("machine_state", "status", "machine_id", "%"), (uptime.Event, uptime.Property, uptime.Entity, uptime.Unit));
        Assert.True(uptime.UpStates.SetEquals(["running", "idle"]));
        Assert.Equal("usagelens.yaml", configuration.Source);
    }

    [Fact]
    public void A_state_metric_reads_the_state_property_per_account_by_default()
    {
        var uptime = (StateMetric)WorkspaceConfigurationReader.Read("u.json", """{"metrics": {"uptime": {"state": {"event": "site_state", "up": "open"}}}}""").Metrics["uptime"];

        Assert.Equal(("state", null, "%"), (uptime.Property, uptime.Entity, uptime.Unit));
        Assert.True(uptime.UpStates.SetEquals(["open"]));
    }

    [Fact]
    public void A_formula_may_use_another_custom_metric()
    {
        var configuration = WorkspaceConfigurationReader.Read("usagelens.yaml", """
            metrics:
              yield_rate: { formula: "100 - defect_rate" }
              defect_rate: { formula: "defects / units_produced * 100" }
            """);

        Assert.Equal(["defect_rate"], FormulaReferences.CustomMetrics(((FormulaMetric)configuration.Metrics["yield_rate"]).Expression));
    }

    [Theory]
    [InlineData("metrics:\n  a: { formula: \"b + 1\" }\n  b: { formula: \"c * 2\" }\n  c: { formula: \"a\" }", "usagelens.yaml: metrics.a.formula: the formulas use each other in a cycle: a → b → c → a")]
    [InlineData("metrics:\n  a: { formula: \"a + 1\" }", "usagelens.yaml: metrics.a.formula: the formulas use each other in a cycle: a → a")]
    [InlineData("metrics:\n  a: { formula: \"sum(x) / \" }", "usagelens.yaml: metrics.a.formula: position 9: the formula ends where a number, a metric or '(' should be in 'sum(x) /'")]
    [InlineData("metrics:\n  a: { unit: \"%\" }", "usagelens.yaml: metrics.a: give either formula or state")]
    [InlineData("metrics:\n  a: { formula: x, state: { event: s, up: [on] } }", "usagelens.yaml: metrics.a: give either formula or state")]
    [InlineData("metrics:\n  a: { formula: x, ratio: y }", "usagelens.yaml: metrics.a.ratio: unknown key; expected formula, state, unit, description")]
    [InlineData("metrics:\n  a: { state: { up: [running] } }", "usagelens.yaml: metrics.a.state.event: is required, for example machine_state")]
    [InlineData("metrics:\n  a: { state: { event: machine_state, up: [] } }", "usagelens.yaml: metrics.a.state.up: list the states that count as up, for example [running]")]
    [InlineData("metrics:\n  a: { state: { event: machine_state } }", "usagelens.yaml: metrics.a.state.up: list the states that count as up, for example [running]")]
    [InlineData("metrics:\n  a: { state: { event: machine_state, up: [on], machine: m } }", "usagelens.yaml: metrics.a.state.machine: unknown key; expected event, property, up, entity")]
    [InlineData("metrics:\n  a: { state: machine_state }", "usagelens.yaml: metrics.a.state must be a mapping of keys to values (line 2)")]
    [InlineData("metrics:\n  defect-rate: { formula: x }", "usagelens.yaml: metrics.defect-rate: a metric name is letters, digits and _, starting with a letter or _")]
    public void Mistakes_are_reported_with_the_key_path(string yaml, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("usagelens.yaml", yaml));

        Assert.Equal(message, error.Message);
    }
}
