using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class TopCustomerShareOnDuckDbTests
{
    private static double? Part(KpiResult result, string name) => result.Parts.Single(p => p.Name == name).Value;

    [Fact]
    public async Task Seed_example_gives_60_percent_for_the_top_10_percent_by_revenue_last_month()
    {
        using var workspace = new SmallWorkspace();
        for (var i = 1; i <= 100; i++)
        {
            var id = $"acct-{i:000}";
            workspace.Account(id, revenue: 1_000_000 - (i * 1_000));
            var calls = i <= 10 ? 60_000 : i <= 90 ? 5_000 : 0;
            if (calls > 0)
            {
                // Split over two days so the sum, not a single row, is what is measured.
                workspace.Usage(id, "2026-10-03", calls / 2).Usage(id, "2026-10-20", calls / 2);
            }
        }
        workspace.Usage("acct-001", "2026-09-30", 777_777).Usage("acct-050", "2026-11-01", 888_888); // outside October

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", Period = "last-month", Top = "10%", RankBy = "revenue" });

        Assert.Equal(60.0, result.Value);
        Assert.Equal((600_000d, 1_000_000d, 10d, 100d, 990_000d), (Part(result, "top_usage")!.Value, Part(result, "total_usage")!.Value, Part(result, "top_accounts")!.Value, Part(result, "population")!.Value, Part(result, "cutoff")!.Value));
        Assert.Equal(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), result.Period.From);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"acct-{i:000}"), result.Accounts);
    }

    [Fact]
    public async Task The_previous_period_is_the_month_before_with_its_own_ranking_and_usage()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 300).Account("b", 200).Account("c", 100)
            .Usage("a", "2026-10-05", 50).Usage("b", "2026-10-05", 30).Usage("c", "2026-10-05", 20)
            .Usage("a", "2026-09-05", 10).Usage("b", "2026-09-05", 30);

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", Period = "last-month", Top = "1" });

        Assert.Equal(50.0, result.Value);
        Assert.Equal(25.0, result.Previous!.Value); // September: a made 10 of 40
        Assert.Equal(new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc), result.Previous.Period.From);
    }

    [Fact]
    public async Task Group_by_segment_ranks_within_each_segment()
    {
        using var workspace = new SmallWorkspace()
            .Account("e1", 900, "enterprise").Account("e2", 800, "enterprise")
            .Account("s1", 90, "smb").Account("s2", 80, "smb").Account("s3", 70, "smb").Account("s4", 60, "smb")
            .Usage("e1", "2026-10-02", 10).Usage("e2", "2026-10-02", 30)
            .Usage("s1", "2026-10-02", 5).Usage("s2", "2026-10-02", 5).Usage("s3", "2026-10-02", 5).Usage("s4", "2026-10-02", 5);

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", Period = "last-month", Top = "50%", GroupBy = ["segment"] });

        var rows = result.Rows!.ToDictionary(r => r.Keys.Single(k => k.Key == "segment").Value!, r => r.Value);
        Assert.Equal(25.0, rows["enterprise"]); // e1 of {e1, e2}: 10 of 40
        Assert.Equal(50.0, rows["smb"]);        // s1, s2 of four: 10 of 20
        Assert.Equal(75.0, result.Value); // whole workspace: top 3 of 6 by revenue are e1, e2, s1, with 45 of 60
    }

    [Fact]
    public async Task Ranked_by_usage_an_account_unknown_to_the_crm_is_ranked_in_the_row_without_a_segment_as_in_the_total()
    {
        using var workspace = new SmallWorkspace()
            .Account("s1", 1, "smb")
            .Usage("s1", "2026-10-02", 10)
            // ghost-1 and ghost-2 are not in the CRM: their segment is empty, like the row they fall in.
            .Usage("ghost-1", "2026-10-02", 30).Usage("ghost-2", "2026-10-02", 10);

        var arguments = new KpiArguments { Metric = "api_call", Period = "last-month", Top = "1", RankBy = "api_call", GroupBy = ["segment"], ComparePrevious = false };
        var result = await workspace.KpiAsync("top-customer-share", arguments);

        var empty = result.Rows!.Single(r => r.Keys.Single(k => k.Key == "segment").Value is null);
        Assert.Equal(75.0, empty.Value); // ghost-1 of {ghost-1, ghost-2}: 30 of 40
        Assert.Equal((1d, 2d), (empty.Parts.Single(p => p.Name == "top_accounts").Value!.Value, empty.Parts.Single(p => p.Name == "population").Value!.Value));
        Assert.Equal(60.0, result.Value); // whole workspace: ghost-1 again, 30 of 50
    }

    [Fact]
    public async Task Weekly_trend_has_one_row_per_week_and_rank_by_usage_uses_each_weeks_usage()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1).Account("b", 1)
            .Usage("a", "2026-11-02", 90).Usage("b", "2026-11-03", 10)
            .Usage("a", "2026-11-09", 20).Usage("b", "2026-11-10", 60);

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", From = "2026-11-02", To = "2026-11-16", Grain = "week", Top = "1", RankBy = "api_call" });

        Assert.Equal([("2026-11-02", 90.0), ("2026-11-09", 75.0)], result.Rows!.Select(r => (r.Keys[0].Value!, r.Value!.Value)));
    }

    [Fact]
    public async Task Rank_by_mrr_uses_the_mrr_in_force_at_the_period_end()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 1).Account("b", 1).Account("c", 1)
            .Subscription("a", "2026-01-01", 500).Subscription("a", "2026-10-20", 50)   // a dropped in October
            .Subscription("b", "2026-03-01", 300)
            .Subscription("c", "2026-02-01", 100).Subscription("c", "2026-11-01", 900)  // effective at `to`: not yet
            .Usage("a", "2026-10-05", 20).Usage("b", "2026-10-05", 30).Usage("c", "2026-10-05", 50);

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", Top = "1", RankBy = "mrr" });

        Assert.Equal(["b"], result.Accounts);
        Assert.Equal((30.0, 300d, 3d), (result.Value!.Value, result.Parts.Single(p => p.Name == "cutoff").Value!.Value, result.Parts.Single(p => p.Name == "population").Value!.Value));
    }

    [Fact]
    public async Task A_partner_scope_sees_only_its_accounts_in_both_ranking_and_total()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 300, partner: "p-north").Account("b", 200, partner: "p-north").Account("c", 1000, partner: "p-south")
            .Usage("a", "2026-10-05", 30).Usage("b", "2026-10-05", 70).Usage("c", "2026-10-05", 900);

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", Top = "1" }, AccountScope.Partner("p-north"));

        Assert.Equal(30.0, result.Value);
        Assert.Equal((100d, 2d), (Part(result, "total_usage")!.Value, Part(result, "population")!.Value));
        Assert.Equal(["a"], result.Accounts);
    }

    [Fact]
    public async Task Top_can_be_defined_by_a_filter_such_as_strategic()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 10, strategic: true).Account("b", 20).Account("c", 30, strategic: true).Account("d", 40)
            .Usage("a", "2026-10-05", 10).Usage("b", "2026-10-05", 20).Usage("c", "2026-10-05", 30).Usage("d", "2026-10-05", 40);

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", TopWhere = ["strategic=true"] });

        Assert.Equal(40.0, result.Value);
        Assert.Equal(["a", "c"], result.Accounts);
        Assert.Equal((2d, 4d), (Part(result, "top_accounts")!.Value, Part(result, "population")!.Value));
    }

    [Fact]
    public async Task Filters_on_event_dimensions_narrow_the_usage_measured()
    {
        using var workspace = new SmallWorkspace()
            .Account("a", 2).Account("b", 1)
            .Usage("a", "2026-10-05", 10, product: "core").Usage("b", "2026-10-05", 30, product: "core").Usage("a", "2026-10-05", 1000, product: "labs");

        var result = await workspace.KpiAsync("top-customer-share", new KpiArguments { Metric = "api_call", Top = "1", Where = ["product=core"] });

        Assert.Equal(25.0, result.Value);
    }

    [Fact]
    public async Task Unknown_metric_and_dimension_errors_suggest_the_nearest_names()
    {
        using var workspace = new SmallWorkspace().Account("a", 1).Usage("a", "2026-10-05", 1);

        var metric = await Assert.ThrowsAsync<UsageLens.Core.UsageLensException>(() => workspace.KpiAsync("usage", new KpiArguments { Metric = "api_cal" }));
        var dimension = await Assert.ThrowsAsync<UsageLens.Core.UsageLensException>(() => workspace.KpiAsync("usage", new KpiArguments { Metric = "api_call", GroupBy = ["segmnt"] }));

        Assert.Equal("unknown metric 'api_cal' (did you mean 'api_call'?)", metric.Message);
        Assert.Equal("unknown dimension 'segmnt' (did you mean 'segment'?)", dimension.Message);
    }
}
