using UsageLens.Core;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class RevenueOnDuckDbTests
{
    private static readonly KpiArguments s_october = new() { Period = "last-month" }; // today is 2026-11-15

    private static double? Part(KpiResult result, string name) => result.Parts.Single(p => p.Name == name).Value;

    private static double Part(KpiRow row, string name) => row.Parts.Single(p => p.Name == name).Value!.Value;

    /// <summary>
    /// October 2026, one account per kind of movement. At 2026-10-01 (from): a 100, b 200, c 50, f 80 = 430
    /// (e churned in August). At 2026-11-01 (to): a 150, c 30, d 40, e 60, f 80, h 90 = 450 (b churned).
    /// h starts exactly at midnight on October 1st, so it counts at to but not at from: new in October.
    /// g starts exactly at midnight on November 1st, so it counts in neither.
    /// </summary>
    private static SmallWorkspace October() => new SmallWorkspace()
        .Account("a", 0, "enterprise").Account("b", 0, "enterprise").Account("c", 0, "enterprise")
        .Account("d", 0, "smb").Account("e", 0, "smb").Account("f", 0, "smb").Account("g", 0, "smb").Account("h", 0, "smb")
        .Subscription("a", "2026-09-01", 100).Subscription("a", "2026-10-10", 150)
        .Subscription("b", "2026-08-01", 200).Subscription("b", "2026-10-20", 0)
        .Subscription("c", "2026-09-15", 50).Subscription("c", "2026-10-05", 30)
        .Subscription("d", "2026-10-12", 40)
        .Subscription("e", "2026-06-01", 60).Subscription("e", "2026-08-01", 0).Subscription("e", "2026-10-25", 60)
        .Subscription("f", "2026-01-01", 80)
        .Subscription("g", "2026-11-01", 500)
        .Subscription("h", "2026-10-01", 90);

    [Fact]
    public async Task Mrr_is_the_mrr_in_force_at_the_end_of_the_period_and_arr_twelve_times_it()
    {
        using var workspace = October();

        var mrr = await workspace.KpiAsync("mrr", s_october);
        var arr = await workspace.KpiAsync("arr", s_october);

        Assert.Equal(450d, mrr.Value); // 150 + 30 + 40 + 60 + 80 + 90
        Assert.Equal(6d, Part(mrr, "paying_accounts")); // b pays 0, g not yet
        Assert.Equal(430d, mrr.Previous!.Value); // end of September: 100 + 200 + 50 + 80
        Assert.Equal(5_400d, arr.Value); // 12 × 450
    }

    [Fact]
    public async Task Mrr_by_month_gives_each_months_end_and_by_segment_each_segments_accounts()
    {
        using var workspace = October();

        var series = await workspace.KpiAsync("mrr", new KpiArguments { From = "2026-09-01", To = "2026-11-01", Grain = "month" });
        var bySegment = await workspace.KpiAsync("mrr", s_october with { GroupBy = ["segment"] });

        Assert.Equal([("2026-09-01", 430d), ("2026-10-01", 450d)], series.Rows!.Select(r => (r.Keys[0].Value!, r.Value!.Value)));
        var rows = bySegment.Rows!.ToDictionary(r => r.Keys.Single(k => k.Key == "segment").Value!, r => r.Value);
        Assert.Equal(180d, rows["enterprise"]); // a 150 + b 0 + c 30
        Assert.Equal(270d, rows["smb"]);        // d 40 + e 60 + f 80 + h 90
    }

    [Fact]
    public async Task Mrr_movements_tell_new_from_reactivation_and_add_up_to_the_change()
    {
        using var workspace = October();

        var result = await workspace.KpiAsync("mrr-movements", s_october);

        // new: d 40 + h 90 = 130; reactivation: e 60 (paid in June); expansion: a 50; contraction: c 20; churn: b 200
        Assert.Equal((130d, 60d, 50d, 20d, 200d), (Part(result, "new")!.Value, Part(result, "reactivation")!.Value, Part(result, "expansion")!.Value, Part(result, "contraction")!.Value, Part(result, "churn")!.Value));
        Assert.Equal((430d, 450d), (Part(result, "mrr_from")!.Value, Part(result, "mrr_to")!.Value));
        // 450 = 430 + 130 + 60 + 50 − 20 − 200
        Assert.Equal(20d, result.Value);
    }

    [Fact]
    public async Task Mrr_movements_by_month_give_each_months_movements()
    {
        using var workspace = October();

        var result = await workspace.KpiAsync("mrr-movements", new KpiArguments { From = "2026-09-01", To = "2026-11-01", Grain = "month" });

        // September: at 09-01 b 200 + f 80 = 280 (a's row on 09-01 is not before it); at 10-01 430.
        // a 0 → 100 and c 0 → 50 never paid before: new 150, net 150 = 430 − 280.
        var september = result.Rows![0];
        Assert.Equal(("2026-09-01", 150d), (september.Keys[0].Value!, september.Value!.Value));
        Assert.Equal((150d, 280d, 430d), (Part(september, "new"), Part(september, "mrr_from"), Part(september, "mrr_to")));
        Assert.Equal(("2026-10-01", 20d), (result.Rows[1].Keys[0].Value!, result.Rows[1].Value!.Value)); // as in the October test
    }

    [Fact]
    public async Task Churn_and_retention_rates_over_october()
    {
        using var workspace = October();

        var logo = await workspace.KpiAsync("logo-churn", s_october);
        var gross = await workspace.KpiAsync("revenue-churn", s_october);
        var net = await workspace.KpiAsync("revenue-churn", s_october with { Variant = "net" });
        var nrr = await workspace.KpiAsync("nrr", s_october);
        var grr = await workspace.KpiAsync("grr", s_october);

        Assert.Equal(25d, logo.Value);                           // b of {a, b, c, f}: 1 ÷ 4
        Assert.Equal(220d / 430d * 100, gross.Value!.Value, 9);  // (200 + 20) ÷ 430
        Assert.Equal(110d / 430d * 100, net.Value!.Value, 9);    // (200 + 20 − 50 − 60) ÷ 430
        Assert.Equal(260d / 430d * 100, nrr.Value!.Value, 9);    // cohort a, b, c, f at to: 150 + 0 + 30 + 80
        Assert.Equal(210d / 430d * 100, grr.Value!.Value, 9);    // min per account: 100 + 0 + 30 + 80
    }

    [Fact]
    public async Task Arpa_and_quick_ratio_over_october()
    {
        using var workspace = October();

        var arpa = await workspace.KpiAsync("arpa", s_october);
        var quick = await workspace.KpiAsync("quick-ratio", s_october);

        Assert.Equal(75d, arpa.Value); // 450 ÷ 6 paying accounts
        Assert.Equal(240d / 220d, quick.Value!.Value, 9); // (130 + 50 + 60) ÷ (20 + 200)
    }

    [Fact]
    public async Task Cltv_uses_the_six_full_months_before_to_and_the_gross_margin()
    {
        // May–October 2026; o churned in April, before the window, and counts nowhere. p pays 100 throughout; q 100 until July 10th; r 100 until October 3rd; s 200 from June 15th.
        // Monthly logo churn: May 0, June 0, July 1 of 4 (p q r s) = 25%, August 0, September 0,
        // October 1 of 3 (p r s) = 33.33%. Mean = (1/4 + 1/3) ÷ 6 = 7/72. ARPA at November 1st = (100 + 200) ÷ 2 = 150.
        using var workspace = new SmallWorkspace()
            .Subscription("o", "2026-01-01", 100).Subscription("o", "2026-04-10", 0)
            .Subscription("p", "2026-01-01", 100)
            .Subscription("q", "2026-01-01", 100).Subscription("q", "2026-07-10", 0)
            .Subscription("r", "2026-01-01", 100).Subscription("r", "2026-10-03", 0)
            .Subscription("s", "2026-06-15", 200);

        var result = await workspace.KpiAsync("cltv", s_october with { Options = ["gross-margin=70"] });

        Assert.Equal(1_080d, result.Value!.Value, 9); // 150 ÷ (7/72) × 0.70 = 150 × 72 × 0.1
        Assert.Equal(150d, Part(result, "arpa"));
        Assert.Equal(700d / 72d, Part(result, "monthly_churn_rate")!.Value, 9);
    }

    [Fact]
    public async Task Cltv_is_undefined_when_nobody_churned_in_six_months()
    {
        using var workspace = new SmallWorkspace().Subscription("p", "2026-01-01", 100);

        var result = await workspace.KpiAsync("cltv", s_october);

        Assert.Null(result.Value);
        Assert.Equal(0d, Part(result, "monthly_churn_rate"));
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_accounts_revenue()
    {
        // p1 owns x (100 → 0: churn) and y (paid in August, back in October: reactivation 40);
        // p2 owns z (0 → 500, new), which p1 must not see.
        using var workspace = new SmallWorkspace()
            .Account("x", 0, partner: "p1").Account("y", 0, partner: "p1").Account("z", 0, partner: "p2")
            .Subscription("x", "2026-09-01", 100).Subscription("x", "2026-10-15", 0)
            .Subscription("y", "2026-08-01", 30).Subscription("y", "2026-09-01", 0).Subscription("y", "2026-10-02", 40)
            .Subscription("z", "2026-10-02", 500);

        var mrr = await workspace.KpiAsync("mrr", s_october, AccountScope.Partner("p1"));
        var movements = await workspace.KpiAsync("mrr-movements", s_october, AccountScope.Partner("p1"));
        var everyone = await workspace.KpiAsync("mrr", s_october);

        Assert.Equal(40d, mrr.Value); // y only
        Assert.Equal((0d, 40d, 100d), (Part(movements, "new")!.Value, Part(movements, "reactivation")!.Value, Part(movements, "churn")!.Value));
        Assert.Equal(540d, everyone.Value); // y 40 + z 500
        Assert.All(movements.Sql, sql => Assert.Contains("partner_id", sql, StringComparison.Ordinal)); // the paid-before read too
    }

    [Fact]
    public async Task Revenue_refuses_event_dimensions_and_unknown_variants()
    {
        using var workspace = October();

        await Assert.ThrowsAsync<UsageLensException>(() => workspace.KpiAsync("mrr", s_october with { GroupBy = ["product"] }));
        await Assert.ThrowsAsync<UsageLensException>(() => workspace.KpiAsync("revenue-churn", s_october with { Variant = "mixpanel" }));
        await Assert.ThrowsAsync<UsageLensException>(() => workspace.KpiAsync("nrr", s_october with { Variant = "net" }));
    }
}
