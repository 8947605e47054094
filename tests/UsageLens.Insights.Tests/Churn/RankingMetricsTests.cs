using UsageLens.Insights.Churn;

namespace UsageLens.Insights.Tests.Churn;

public sealed class RankingMetricsTests
{
    // Positives score 0.9, 0.5, 0.3; negatives 0.5, 0.2, 0.1. Of the 9 positive–negative pairs the
    // positive is higher in 7, tied in 1 (0.5 against 0.5) and lower in 1 (0.3 against 0.5): AUC = 7.5 / 9.
    private static readonly double[] s_scores = [0.9, 0.5, 0.5, 0.3, 0.2, 0.1];
    private static readonly bool[] s_labels = [true, true, false, true, false, false];

    [Fact]
    public void Auc_counts_pairs_in_order_and_ties_as_half()
    {
        Assert.Equal(7.5 / 9, RankingMetrics.Auc(s_scores, s_labels)!.Value, 12);
    }

    [Fact]
    public void Auc_is_undefined_without_both_outcomes()
    {
        Assert.Null(RankingMetrics.Auc([0.2, 0.4], [true, true]));
    }

    [Fact]
    public void Precision_and_recall_at_k_read_the_highest_scores()
    {
        // The top 3 are 0.9 (yes), then the two 0.5s in list order (yes, no).
        Assert.Equal(2 / 3d, RankingMetrics.PrecisionAt(s_scores, s_labels, 3), 12);
        Assert.Equal(2 / 3d, RankingMetrics.RecallAt(s_scores, s_labels, 3)!.Value, 12);
        Assert.Equal(1, RankingMetrics.RecallAt(s_scores, s_labels, 6)!.Value, 12);
    }

    [Fact]
    public void Calibration_sets_mean_prediction_beside_the_observed_rate_per_bin()
    {
        var bins = RankingMetrics.Calibration(s_scores, s_labels);

        // [0, 0.1): none; [0.1, 0.3): 0.2, 0.1, both no; [0.3, 0.6): 0.5, 0.5, 0.3, two yes; [0.6, 1]: 0.9, yes.
        Assert.Equal([0, 2, 3, 1], bins.Select(b => b.Count));
        Assert.Null(bins[0].Observed);
        Assert.Equal(0.15, bins[1].Predicted!.Value, 12);
        Assert.Equal(0, bins[1].Observed);
        Assert.Equal(1.3 / 3, bins[2].Predicted!.Value, 12);
        Assert.Equal(2 / 3d, bins[2].Observed!.Value, 12);
        Assert.Equal(1, bins[3].Observed);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(60, 10)]
    [InlineData(101, 11)]
    public void K_is_ten_accounts_or_a_tenth_of_them(int accounts, int k)
    {
        Assert.Equal(k, RankingMetrics.DefaultK(accounts));
    }
}
