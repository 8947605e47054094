using UsageLens.Configuration;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class CustomMetricsOnDuckDbTests
{
    private static readonly WorkspaceConfiguration s_metrics = WorkspaceConfigurationReader.Read("usagelens.yaml", """
        metrics:
          defect_rate: { formula: "sum(defects) / sum(units_produced) * 100", unit: "%" }
          yield_rate: { formula: "100 - defect_rate", unit: "%" }
          scrap_per_user: { formula: "defects / users(defects)" }
          uptime:
            state: { event: machine_state, property: state, up: [running], entity: machine_id }
          typo: { formula: "sum(defcts) / sum(units_produced)" }
          api_call: { formula: "1" }
        """);

    // Account a (enterprise) and b (smb) over 2026-10-01 and 2026-10-02; on 10-02 b reports defects but no units.
    private static SmallWorkspace Production() => new SmallWorkspace()
        .Account("a", 1, "enterprise").Account("b", 1, "smb")
        .Usage("a", "2026-09-30", 40, "units_produced").Usage("a", "2026-09-30", 1, "defects")
        .Usage("a", "2026-10-01", 100, "units_produced").Usage("a", "2026-10-01", 2, "defects", user: "u1")
        .Usage("a", "2026-10-02", 50, "units_produced").Usage("a", "2026-10-02", 3, "defects", user: "u1")
        .Usage("b", "2026-10-01", 200, "units_produced").Usage("b", "2026-10-01", 1, "defects", user: "u2")
        .Usage("b", "2026-10-02", 4, "defects", user: "u3")
        .Usage("b", "2026-10-03", 999, "units_produced");

    [Fact]
    public async Task A_ratio_is_the_ratio_of_the_sums_with_its_terms_as_parts_and_the_previous_period()
    {
        using var workspace = Production();

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "defect_rate", From = "2026-10-01", To = "2026-10-03" }, configuration: s_metrics);

        // (2 + 3 + 1 + 4) / (100 + 50 + 200) × 100; the previous two days hold only a's 1 / 40.
        Assert.Equal(10d / 350 * 100, result.Value!.Value, 9);
        Assert.Equal(("defect_rate", "%"), (result.Metric, result.Unit));
        Assert.Equal([new KpiPart("defects", 10), new KpiPart("units_produced", 350)], result.Parts);
        Assert.Equal(2.5d, result.Previous!.Value!.Value, 9);
    }

    [Fact]
    public async Task By_day_and_segment_each_row_is_its_own_ratio_and_a_row_without_units_has_no_value()
    {
        using var workspace = Production();

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "defect_rate", From = "2026-10-01", To = "2026-10-03", Grain = "day", GroupBy = ["segment"] }, configuration: s_metrics);

        Assert.Equal(
            [("2026-10-01", "enterprise", 2d), ("2026-10-02", "enterprise", 6d), ("2026-10-01", "smb", 0.5d), ("2026-10-02", "smb", null)],
            result.Rows!.Select(r => (r.Keys[0].Value, r.Keys[1].Value, r.Value)));
        Assert.Equal([new KpiPart("defects", 4), new KpiPart("units_produced", 0)], result.Rows![3].Parts);
    }

    [Fact]
    public async Task A_formula_can_use_another_custom_metric_and_other_aggregations_under_the_filters()
    {
        using var workspace = Production();

        var yield = await workspace.KpiAsync("usage", new KpiArguments { Metric = "yield_rate", From = "2026-10-01", To = "2026-10-03", Where = ["segment=smb"] }, configuration: s_metrics);
        var scrap = await workspace.KpiAsync("usage", new KpiArguments { Metric = "scrap_per_user", From = "2026-10-01", To = "2026-10-03" }, configuration: s_metrics);

        // smb: 5 defects over 200 units → 2.5 %, so 97.5 % good.
        Assert.Equal(97.5d, yield.Value!.Value, 9);
        Assert.Equal([new KpiPart("defect_rate", 2.5)], yield.Parts);
        // 10 defects reported by 3 distinct users.
        Assert.Equal(10d / 3, scrap.Value!.Value, 9);
    }

    [Fact]
    public async Task A_formula_can_be_grouped_by_an_event_property()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1)
            .State("a", "m1", "2026-10-01T01:00", "running").State("a", "m2", "2026-10-01T01:00", "running")
            .Reading("a", "m1", "2026-10-01T23:00", "units_produced", 100).Reading("a", "m1", "2026-10-01T23:00", "defects", 5)
            .Reading("a", "m2", "2026-10-01T23:00", "units_produced", 40).Reading("a", "m2", "2026-10-02T23:00", "units_produced", 10);

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "defect_rate", From = "2026-10-01", To = "2026-10-03", GroupBy = ["properties.machine_id"] }, configuration: s_metrics);

        // m1: 5 of 100; m2: none of 50.
        Assert.Equal([("m1", 5d), ("m2", 0d)], result.Rows!.Select(r => (r.Keys[0].Value, r.Value!.Value)));
    }

    [Fact]
    public async Task A_formula_over_an_event_the_workspace_lacks_is_refused_with_a_hint()
    {
        using var workspace = Production();

        var error = await Assert.ThrowsAsync<UsageLensException>(() => workspace.KpiAsync("usage", new KpiArguments { Metric = "typo" }, configuration: s_metrics));

        Assert.Equal("usagelens.yaml: metrics.typo.formula: unknown metric 'defcts' (did you mean 'defects'?)", error.Message);
    }

    [Fact]
    public async Task A_custom_metric_named_like_a_meter_is_refused()
    {
        using var workspace = Production().Usage("a", "2026-10-01", 1, "api_call");

        var error = await Assert.ThrowsAsync<UsageLensException>(() => workspace.KpiAsync("usage", new KpiArguments { Metric = "api_call" }, configuration: s_metrics));

        Assert.Equal("usagelens.yaml: metrics.api_call: the name is already a metered event; rename the custom metric", error.Message);
    }

    [Fact]
    public async Task Top_customer_share_refuses_a_custom_metric()
    {
        using var workspace = Production();

        var error = await Assert.ThrowsAsync<UsageLensException>(() => workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "defect_rate", Top = "10%" }, configuration: s_metrics));

        Assert.Equal("top-customer-share needs a usage metric that adds up across accounts; 'defect_rate' is a custom metric, which only the usage KPI takes", error.Message);
    }

    // a/m1 was running before the period, stops 06:00-12:00 on day 1; a/m2 is first seen at noon on day 2;
    // b/m1 (another machine with the same id) is in maintenance until day 2 starts.
    private static SmallWorkspace Machines() => new SmallWorkspace()
        .Account("a", 1, "enterprise").Account("b", 1, "smb")
        .State("a", "m1", "2026-09-29T12:00", "down").State("a", "m1", "2026-09-30T20:00", "running")
        .State("a", "m1", "2026-10-01T06:00", "down").State("a", "m1", "2026-10-01T12:00", "running")
        .State("a", "m2", "2026-10-02T12:00", "running")
        .State("b", "m1", "2026-09-15T08:00", "maintenance").State("b", "m1", "2026-10-02T00:00", "running")
        .State("b", "m1", "2026-10-03T05:00", "down");

    [Fact]
    public async Task Uptime_counts_the_state_in_force_at_the_period_start_and_observes_new_machines_from_their_first_state()
    {
        using var workspace = Machines();

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "uptime", From = "2026-10-01", To = "2026-10-03" }, configuration: s_metrics);

        // Up: a/m1 18 h + 24 h, a/m2 12 h, b/m1 24 h = 78 h; observed: 48 h + 12 h + 48 h = 108 h.
        Assert.Equal(78d / 108 * 100, result.Value!.Value, 9);
        Assert.Equal([new KpiPart("up_hours", 78), new KpiPart("observed_hours", 108), new KpiPart("entities", 3)], result.Parts);
        Assert.Equal("%", result.Unit);
        // Before: a/m1 from its first state at 09-29 12:00 (4 h up of 36 h), b/m1 48 h in maintenance.
        Assert.Equal(4d / 84 * 100, result.Previous!.Value!.Value, 9);
    }

    [Fact]
    public async Task Uptime_by_day_splits_partial_days_and_by_segment_groups_machines_by_their_account()
    {
        using var workspace = Machines();

        var byDay = await workspace.KpiAsync("usage", new KpiArguments { Metric = "uptime", From = "2026-10-01", To = "2026-10-03", Grain = "day" }, configuration: s_metrics);
        var bySegment = await workspace.KpiAsync("usage", new KpiArguments { Metric = "uptime", From = "2026-10-01", To = "2026-10-03", GroupBy = ["segment"] }, configuration: s_metrics);
        var byMachine = await workspace.KpiAsync("usage", new KpiArguments { Metric = "uptime", From = "2026-10-01", To = "2026-10-03", GroupBy = ["properties.machine_id"] }, configuration: s_metrics);
        var smbOnly = await workspace.KpiAsync("usage", new KpiArguments { Metric = "uptime", From = "2026-10-01", To = "2026-10-03", Where = ["segment=smb"] }, configuration: s_metrics);

        // Day 1: a/m1 18 of 24 h, b/m1 0 of 24 h; day 2: all three up the whole time they are observed (24 + 12 + 24 h).
        Assert.Equal([("2026-10-01", 37.5d), ("2026-10-02", 100d)], byDay.Rows!.Select(r => (r.Keys[0].Value, r.Value!.Value)));
        Assert.Equal([("enterprise", 90d), ("smb", 50d)], bySegment.Rows!.Select(r => (r.Keys[0].Value, r.Value!.Value)));
        Assert.Equal([("m1", 68.75d), ("m2", 100d)], byMachine.Rows!.Select(r => (r.Keys[0].Value, r.Value!.Value)));
        Assert.Equal(50d, smbOnly.Value);
    }

    [Fact]
    public async Task Uptime_without_any_state_event_in_reach_has_no_value()
    {
        using var workspace = Machines();

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "uptime", From = "2026-08-01", To = "2026-09-01" }, configuration: s_metrics);

        Assert.Null(result.Value);
        Assert.Equal([new KpiPart("up_hours", 0), new KpiPart("observed_hours", 0), new KpiPart("entities", 0)], result.Parts);
    }

    [Fact]
    public async Task Uptime_refuses_a_group_by_that_can_change_between_events_of_one_machine()
    {
        using var workspace = Machines();

        var error = await Assert.ThrowsAsync<UsageLensException>(() =>
            workspace.KpiAsync("usage", new KpiArguments { Metric = "uptime", GroupBy = ["product"] }, configuration: s_metrics));

        Assert.Equal("--group-by product: uptime can be grouped by account dimensions, account_id or properties.machine_id, which stay the same for each machine_id", error.Message);
    }
}
