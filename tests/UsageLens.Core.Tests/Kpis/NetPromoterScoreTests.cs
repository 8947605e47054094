using UsageLens.Core.Kpis.Satisfaction;

namespace UsageLens.Core.Tests.Kpis;

public sealed class NetPromoterScoreTests
{
    [Fact]
    public void Passives_count_in_the_denominator_and_the_margin_of_error_is_that_of_a_plus_minus_one_score()
    {
        // 10, 10, 9, 9, 10 promoters; 8, 7 passives; 6, 5, 0 detractors: 50% − 30% = 20.
        // var = (0.5 + 0.3) − 0.2² = 0.76; MoE = 1.96 · √(0.76 / 10) · 100 = 54.0335 points.
        var outcome = NetPromoterScore.Compute(new[] { 10, 10, 9, 8, 7, 6, 5, 0, 9, 10 }.Select(s => (s, 1L)));

        Assert.Equal(20.0, outcome.Score!.Value, 9);
        Assert.Equal((10L, 5L, 2L, 3L), (outcome.Answers, outcome.Promoters, outcome.Passives, outcome.Detractors));
        Assert.Equal(54.03347, outcome.MarginOfError!.Value, 4);
    }

    [Fact]
    public void Unanimous_answers_have_no_margin_and_no_answers_have_no_score()
    {
        var all = NetPromoterScore.Compute([(10, 4L)]);
        var none = NetPromoterScore.Compute([]);

        Assert.Equal((100.0, 0.0), (all.Score!.Value, all.MarginOfError!.Value));
        Assert.Null(none.Score);
        Assert.Null(none.MarginOfError);
    }
}
