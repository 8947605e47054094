namespace UsageLens.Insights.Churn;

/// <summary>
/// Trains the churn model on past snapshots and backtests it on the latest one. The backtest is
/// strict when enough churn lies in snapshots whose whole horizon ends before the test snapshot
/// (their outcomes were known on it); otherwise it splits the accounts in two folds by sorted id
/// and, for each fold, trains on the other fold's earlier snapshots and tests on this fold, so no
/// account is both learned from and tested, though training outcomes may fall after the test day.
/// </summary>
internal static class ChurnLearning
{
    public const string Strict = "strict";
    public const string Folds = "account-folds";
    public const string RuleMode = "rule";

    public static int ChurnedAccounts(IEnumerable<ChurnExample> examples) =>
        examples.Where(e => e.Churned).Select(e => e.Account).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The backtest, or null when there is no earlier snapshot to learn from; scored only on <paramref name="visible"/> accounts.</summary>
    public static ChurnBacktest? Backtest(IReadOnlyList<ChurnExample> examples, ChurnSettings settings, Func<string, bool> visible, bool useRule)
    {
        var latest = examples.Select(e => e.Snapshot).DefaultIfEmpty(-1).Min();
        if (latest < 0)
        {
            return null;
        }
        var test = examples.Where(e => e.Snapshot == latest && visible(e.Account)).ToList();
        var testDay = examples.First(e => e.Snapshot == latest).Day;
        if (useRule)
        {
            return ChurnBacktest.Evaluate(RuleMode, testDay, 0, 0, test.Select(e => ChurnRule.Score(e.Features).Score).ToList(), Labels(test));
        }
        var strict = examples.Where(e => e.Day.AddDays(settings.HorizonDays) < testDay).ToList();
        if (ChurnedAccounts(strict) >= settings.MinChurners)
        {
            var model = ChurnModel.Train(strict, settings.Seed);
            return ChurnBacktest.Evaluate(Strict, testDay, strict.Count, strict.Count(e => e.Churned), model.Probabilities(test.Select(e => e.Features).ToList()), Labels(test));
        }
        return FoldBacktest(examples, latest, testDay, settings, test);
    }

    private static ChurnBacktest? FoldBacktest(IReadOnlyList<ChurnExample> examples, int latest, DateOnly testDay, ChurnSettings settings, List<ChurnExample> test)
    {
        var accounts = examples.Select(e => e.Account).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var fold = accounts.Select((a, i) => (a, i % 2)).ToDictionary(p => p.a, p => p.Item2, StringComparer.Ordinal);
        var earlier = examples.Where(e => e.Snapshot > latest).ToList();
        var scores = new Dictionary<ChurnExample, double>();
        var (trained, trainedChurned) = (0, 0);
        for (var f = 0; f < 2; f++)
        {
            var train = earlier.Where(e => fold[e.Account] != f).ToList();
            var tested = test.Where(e => fold[e.Account] == f).ToList();
            if (ChurnedAccounts(train) == 0 || train.All(e => e.Churned))
            {
                return null;
            }
            var probabilities = ChurnModel.Train(train, settings.Seed).Probabilities(tested.Select(e => e.Features).ToList());
            for (var i = 0; i < tested.Count; i++)
            {
                scores[tested[i]] = probabilities[i];
            }
            trained += train.Count;
            trainedChurned += train.Count(e => e.Churned);
        }
        return ChurnBacktest.Evaluate(Folds, testDay, trained, trainedChurned, test.Select(e => scores[e]).ToList(), Labels(test));
    }

    private static List<bool> Labels(List<ChurnExample> examples) => examples.Select(e => e.Churned).ToList();
}
