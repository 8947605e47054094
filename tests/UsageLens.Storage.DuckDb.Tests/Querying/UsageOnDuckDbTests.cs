using UsageLens.Core.Kpis;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class UsageOnDuckDbTests
{
    [Fact]
    public async Task Daily_usage_fills_days_without_events_with_zero()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1)
            .Usage("a", "2026-11-10", 4).Usage("a", "2026-11-10", 6).Usage("a", "2026-11-12", 5);

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "api_call", From = "2026-11-10", To = "2026-11-13", Grain = "day" });

        Assert.Equal(15d, result.Value);
        Assert.Equal([("2026-11-10", 10d), ("2026-11-11", 0d), ("2026-11-12", 5d)], result.Rows!.Select(r => (r.Keys[0].Value!, r.Value!.Value)));
    }

    [Fact]
    public async Task Count_users_and_accounts_aggregations_count_events_and_distinct_ids()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1).Account("b", 1)
            .Usage("a", "2026-10-02", 100, user: "u1").Usage("a", "2026-10-03", 100, user: "u1")
            .Usage("a", "2026-10-03", 100, user: "u2").Usage("b", "2026-10-03", 100, user: "u3");

        var count = await workspace.KpiAsync("usage", new KpiArguments { Metric = "count(api_call)" });
        var users = await workspace.KpiAsync("usage", new KpiArguments { Metric = "users(api_call)" });
        var accounts = await workspace.KpiAsync("usage", new KpiArguments { Metric = "accounts(api_call)" });

        Assert.Equal((4d, 3d, 2d), (count.Value!.Value, users.Value!.Value, accounts.Value!.Value));
        Assert.Equal(("events", "users", "accounts"), (count.Unit, users.Unit, accounts.Unit));
    }

    [Fact]
    public async Task Group_by_segment_and_filter_segment_not_equal_keeps_accounts_without_a_segment()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1, "enterprise").Account("b", 1, "smb")
            .Usage("a", "2026-10-02", 7).Usage("b", "2026-10-02", 3).Usage("unknown-acct", "2026-10-02", 5);

        var bySegment = await workspace.KpiAsync("usage", new KpiArguments { Metric = "api_call", GroupBy = ["segment"] });
        var notEnterprise = await workspace.KpiAsync("usage", new KpiArguments { Metric = "api_call", Where = ["segment!=enterprise"] });

        Assert.Equal([(null, 5d), ("enterprise", 7d), ("smb", 3d)], bySegment.Rows!.Select(r => (r.Keys[0].Value, r.Value!.Value)).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.Equal(8d, notEnterprise.Value);
    }

    [Fact]
    public async Task Storage_in_gigabytes_reports_its_unit()
    {
        using var workspace = new SmallWorkspace().Account("a", 1).Usage("a", "2026-10-02", 1.5, "storage_used").Usage("a", "2026-10-09", 2.25, "storage_used");

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "storage_used" });

        Assert.Equal((3.75, "GB"), (result.Value!.Value, result.Unit));
    }

    [Fact]
    public async Task Usage_can_be_grouped_by_an_event_property()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1)
            .Reading("a", "m1", "2026-10-01T08:00", "units_produced", 100).Reading("a", "m2", "2026-10-01T09:00", "units_produced", 40)
            .Reading("a", "m1", "2026-10-02T08:00", "units_produced", 7);

        var result = await workspace.KpiAsync("usage", new KpiArguments { Metric = "units_produced", From = "2026-10-01", To = "2026-10-03", GroupBy = ["properties.machine_id"] });

        Assert.Equal([("m1", 107d), ("m2", 40d)], result.Rows!.Select(r => (r.Keys[0].Value, r.Value!.Value)));
    }
}
