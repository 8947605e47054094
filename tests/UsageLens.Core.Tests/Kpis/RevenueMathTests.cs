using CsCheck;
using UsageLens.Core.Kpis;
using UsageLens.Core.Kpis.Revenue;

namespace UsageLens.Core.Tests.Kpis;

public sealed class RevenueMathTests
{
    // Six accounts, one of each kind of movement. MRR at from: a 100, b 200, c 50, f 80 (d never
    // paid, e paid once and churned before from) = 430. At to: a 150, c 30, d 40, e 60, f 80 = 360.
    private static readonly Dictionary<string, double> s_from = new(StringComparer.Ordinal) { ["a"] = 100, ["b"] = 200, ["c"] = 50, ["e"] = 0, ["f"] = 80 };
    private static readonly Dictionary<string, double> s_to = new(StringComparer.Ordinal) { ["a"] = 150, ["b"] = 0, ["c"] = 30, ["d"] = 40, ["e"] = 60, ["f"] = 80 };
    private static readonly HashSet<string> s_paidBefore = new(StringComparer.Ordinal) { "a", "b", "c", "e", "f" };

    private static double? Part(KpiOutcome outcome, string name) => outcome.Parts.Single(p => p.Name == name).Value;

    [Fact]
    public void Movements_classify_each_account_and_add_up_to_the_change_in_mrr()
    {
        var movements = RevenueMath.Movements(s_from, s_to, s_paidBefore);

        // d 0 → 40 never paid: new 40; e 0 → 60 paid before: reactivation 60; a 100 → 150: expansion 50;
        // c 50 → 30: contraction 20; b 200 → 0: churn 200; f unchanged.
        Assert.Equal((40d, 60d, 50d, 20d, 200d), (movements.New, movements.Reactivation, movements.Expansion, movements.Contraction, movements.Churn));
        Assert.Equal((430d, 360d), (movements.MrrFrom, movements.MrrTo));
        // 40 + 60 + 50 − 20 − 200 = −70 = 360 − 430
        Assert.Equal(-70d, movements.Net);
    }

    [Fact]
    public void Recurring_revenue_sums_paying_accounts_and_arr_is_twelve_months_of_it()
    {
        var mrr = RevenueMath.Recurring(s_to, 1);
        var arr = RevenueMath.Recurring(s_to, 12);

        Assert.Equal(360d, mrr.Value); // 150 + 0 + 30 + 40 + 60 + 80
        Assert.Equal(5d, Part(mrr, "paying_accounts")); // b pays 0
        Assert.Equal(4_320d, arr.Value); // 12 × 360
    }

    [Fact]
    public void Logo_churn_counts_accounts_paying_at_from_that_pay_nothing_at_to()
    {
        var outcome = RevenueMath.LogoChurn(s_from, s_to);

        Assert.Equal(25d, outcome.Value); // b of {a, b, c, f}: 1 ÷ 4 × 100
        Assert.Equal((1d, 4d), (Part(outcome, "churned_accounts"), Part(outcome, "accounts_from")));
    }

    [Fact]
    public void Gross_revenue_churn_is_churn_and_contraction_over_starting_mrr()
    {
        var outcome = RevenueMath.RevenueChurn(RevenueMath.Movements(s_from, s_to, s_paidBefore), net: false);

        Assert.Equal(220d / 430d * 100, outcome.Value!.Value, 9); // (200 + 20) ÷ 430 × 100 ≈ 51.16
    }

    [Fact]
    public void Net_revenue_churn_offsets_expansion_and_reactivation()
    {
        var outcome = RevenueMath.RevenueChurn(RevenueMath.Movements(s_from, s_to, s_paidBefore), net: true);

        Assert.Equal(110d / 430d * 100, outcome.Value!.Value, 9); // (200 + 20 − 50 − 60) ÷ 430 × 100 ≈ 25.58
    }

    [Fact]
    public void Net_revenue_churn_is_negative_when_expansion_outweighs_losses()
    {
        var from = new Dictionary<string, double> { ["a"] = 100 };
        var to = new Dictionary<string, double> { ["a"] = 150 };

        var outcome = RevenueMath.RevenueChurn(RevenueMath.Movements(from, to, new HashSet<string> { "a" }), net: true);

        Assert.Equal(-50d, outcome.Value); // (0 + 0 − 50 − 0) ÷ 100 × 100
    }

    [Fact]
    public void Nrr_follows_the_cohort_paying_at_from_and_ignores_new_accounts()
    {
        var outcome = RevenueMath.NetRetention(s_from, s_to);

        // cohort a, b, c, f: at to 150 + 0 + 30 + 80 = 260, at from 430; d and e are not in it.
        Assert.Equal(260d / 430d * 100, outcome.Value!.Value, 9);
        Assert.Equal((260d, 430d, 4d), (Part(outcome, "cohort_mrr_to"), Part(outcome, "cohort_mrr_from"), Part(outcome, "cohort_accounts")));
    }

    [Fact]
    public void Grr_caps_each_cohort_account_at_its_starting_mrr()
    {
        var outcome = RevenueMath.GrossRetention(s_from, s_to);

        // min(150, 100) + min(0, 200) + min(30, 50) + min(80, 80) = 100 + 0 + 30 + 80 = 210 of 430
        Assert.Equal(210d / 430d * 100, outcome.Value!.Value, 9);
    }

    [Fact]
    public void Retention_of_an_empty_cohort_is_undefined()
    {
        Assert.Null(RevenueMath.NetRetention(new Dictionary<string, double>(), s_to).Value);
        Assert.Null(RevenueMath.GrossRetention(new Dictionary<string, double> { ["a"] = 0 }, s_to).Value);
    }

    [Fact]
    public void Arpa_divides_mrr_by_paying_accounts_only()
    {
        var outcome = RevenueMath.Arpa(s_to);

        Assert.Equal(72d, outcome.Value); // 360 ÷ 5 (b pays 0 and is not counted)
        Assert.Null(RevenueMath.Arpa(new Dictionary<string, double> { ["b"] = 0 }).Value);
    }

    [Fact]
    public void Quick_ratio_is_gains_over_losses_and_undefined_without_losses()
    {
        var outcome = RevenueMath.QuickRatio(RevenueMath.Movements(s_from, s_to, s_paidBefore));

        Assert.Equal(150d / 220d, outcome.Value!.Value, 9); // (40 + 50 + 60) ÷ (20 + 200)
        Assert.Null(RevenueMath.QuickRatio(new MrrMovements(10, 0, 5, 0, 0, 100, 115)).Value);
    }

    [Fact]
    public void Cltv_divides_arpa_by_the_mean_monthly_churn_rate_times_the_margin()
    {
        // Months without a paying account have no rate: mean of 10, 0, 5, 5, 10 = 30 ÷ 5 = 6%.
        var outcome = RevenueMath.Cltv(72, [10, 0, null, 5, 5, 10], 80);

        Assert.Equal(960d, outcome.Value!.Value, 9); // 72 ÷ 0.06 = 1,200, × 80% = 960
        Assert.Equal((72d, 6d, 80d), (Part(outcome, "arpa"), Part(outcome, "monthly_churn_rate"), Part(outcome, "gross_margin")));
    }

    [Fact]
    public void Cltv_is_undefined_not_infinite_when_nobody_churned()
    {
        var outcome = RevenueMath.Cltv(72, [0, 0, 0, 0, 0, 0], 100);

        Assert.Null(outcome.Value);
        Assert.Equal(0d, Part(outcome, "monthly_churn_rate"));
    }

    [Fact]
    public void Grr_never_exceeds_100_or_nrr_and_movements_always_add_up()
    {
        var mrr = Gen.Int[0, 6].Select(i => i * 25d).Array[8];
        Gen.Select(mrr, mrr, Gen.Bool.Array[8]).Sample((from, to, paid) =>
        {
            var fromMap = Map(from);
            var toMap = Map(to);
            // Paying at from implies having paid before from.
            var paidBefore = Enumerable.Range(0, 8).Where(i => paid[i] || from[i] > 0).Select(i => $"acct-{i}").ToHashSet();

            var grr = RevenueMath.GrossRetention(fromMap, toMap).Value;
            var nrr = RevenueMath.NetRetention(fromMap, toMap).Value;
            var movements = RevenueMath.Movements(fromMap, toMap, paidBefore);

            Assert.Equal(grr is null, nrr is null);
            if (grr is { } g)
            {
                Assert.True(g <= 100 + 1e-9, $"GRR {g} > 100");
                Assert.True(g <= nrr!.Value + 1e-9, $"GRR {g} > NRR {nrr}");
            }
            Assert.Equal(to.Sum(), from.Sum() + movements.Net, 9);
        }, iter: 2000);
    }

    private static Dictionary<string, double> Map(double[] values) =>
        values.Select((v, i) => (v, i)).ToDictionary(x => $"acct-{x.i}", x => x.v, StringComparer.Ordinal);
}
