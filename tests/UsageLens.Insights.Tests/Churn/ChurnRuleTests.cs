using UsageLens.Insights.Churn;

namespace UsageLens.Insights.Tests.Churn;

public sealed class ChurnRuleTests
{
    [Fact]
    public void Usage_halved_and_silent_for_two_weeks_scores_both_signs()
    {
        // usage_trend −0.5 means last 30 days = a third of the 30 before; 20 days without activity.
        double[] features = [-0.5, 0, 20, 0.5, 0.8, 3, 0, 0.2, 90];

        var (score, reasons) = ChurnRule.Score(features);

        Assert.Equal(0.7, score, 12);
        Assert.Equal(2, reasons.Count);
        Assert.Contains("usage down more than 50%", reasons[0], StringComparison.Ordinal);
        Assert.Contains("no activity for 20 days", reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_steady_account_scores_nothing_and_a_usage_drop_just_short_of_half_does_not_count()
    {
        // last = 0.51 × previous gives (0.51 − 1) ÷ 1.51 = −0.3245, above −1/3.
        double[] features = [(0.51 - 1) / 1.51, 0.1, 1, 1, 0.9, 3, 0.1, 0.4, 90];

        Assert.Equal(0, ChurnRule.Score(features).Score);
    }
}
