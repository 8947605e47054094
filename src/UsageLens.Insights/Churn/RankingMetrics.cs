namespace UsageLens.Insights.Churn;

/// <summary>How well scores rank and estimate a yes/no outcome: AUC, precision and recall at k, calibration.</summary>
internal static class RankingMetrics
{
    /// <summary>The bin edges of the calibration table.</summary>
    public static IReadOnlyList<double> Edges { get; } = [0, 0.1, 0.3, 0.6, 1];

    /// <summary>
    /// The area under the ROC curve: the chance a random positive scores above a random negative,
    /// ties counting half (the Mann–Whitney statistic over average ranks); null without both classes.
    /// </summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToList();
        var rankSum = 0d;
        for (var start = 0; start < order.Count;)
        {
            var end = start;
            while (end + 1 < order.Count && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }
            var rank = ((start + end) / 2d) + 1;
            rankSum += Enumerable.Range(start, end - start + 1).Count(i => labels[order[i]]) * rank;
            start = end + 1;
        }
        return (rankSum - (positives * (positives + 1) / 2d)) / ((double)positives * negatives);
    }

    /// <summary>The share of positives among the <paramref name="k"/> highest scores (ties broken by position).</summary>
    public static double PrecisionAt(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int k) =>
        k <= 0 ? 0 : Top(scores, k).Count(i => labels[i]) / (double)Math.Min(k, scores.Count);

    /// <summary>The share of all positives found among the <paramref name="k"/> highest scores; null without positives.</summary>
    public static double? RecallAt(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int k)
    {
        var positives = labels.Count(l => l);
        return positives == 0 ? null : Top(scores, k).Count(i => labels[i]) / (double)positives;
    }

    /// <summary>Predicted against observed rate in the bins of <see cref="Edges"/> (the last bin includes 1).</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var bins = new List<CalibrationBin>();
        for (var b = 0; b + 1 < Edges.Count; b++)
        {
            var (low, high) = (Edges[b], Edges[b + 1]);
            var members = Enumerable.Range(0, scores.Count).Where(i => scores[i] >= low && (scores[i] < high || (b + 2 == Edges.Count && scores[i] <= high))).ToList();
            bins.Add(new CalibrationBin(low, high, members.Count,
                members.Count == 0 ? null : members.Average(i => scores[i]),
                members.Count == 0 ? null : members.Count(i => labels[i]) / (double)members.Count));
        }
        return bins;
    }

    /// <summary>The k of precision at k: 10 accounts or 10% of them, whichever is more, at most all.</summary>
    public static int DefaultK(int accounts) => Math.Min(accounts, Math.Max(10, (int)Math.Ceiling(accounts * 0.1)));

    private static IEnumerable<int> Top(IReadOnlyList<double> scores, int k) =>
        Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k);
}
