namespace UsageLens.Insights.Churn;

/// <summary>
/// The model scored on a past snapshot whose outcome is known before the as-of day, having been
/// trained without that snapshot's outcomes: how well it ranked and estimated who churned.
/// </summary>
/// <param name="Mode">How training and test were kept apart (see <see cref="ChurnLearning"/>).</param>
internal sealed record ChurnBacktest(string Mode, DateOnly Snapshot, int TrainExamples, int TrainChurned, int Accounts, int Churned, double? Auc, int K, double PrecisionAtK, double? RecallAtK)
{
    public IReadOnlyList<CalibrationBin> Calibration { get; init; } = [];

    public static ChurnBacktest Evaluate(string mode, DateOnly snapshot, int trainExamples, int trainChurned, IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var k = RankingMetrics.DefaultK(scores.Count);
        return new ChurnBacktest(mode, snapshot, trainExamples, trainChurned, scores.Count, labels.Count(l => l), RankingMetrics.Auc(scores, labels), k,
            RankingMetrics.PrecisionAt(scores, labels, k), RankingMetrics.RecallAt(scores, labels, k))
        {
            Calibration = RankingMetrics.Calibration(scores, labels),
        };
    }
}
