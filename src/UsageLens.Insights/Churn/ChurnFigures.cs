using System.Globalization;

namespace UsageLens.Insights.Churn;

/// <summary>The backtest as result figures, in a fixed order, so every run prints it.</summary>
internal static class ChurnFigures
{
    public static IEnumerable<InsightValue> Backtest(ChurnBacktest? backtest)
    {
        yield return InsightValue.Of("backtest_mode", backtest?.Mode ?? "none");
        if (backtest is null)
        {
            yield break;
        }
        yield return InsightValue.Of("backtest_snapshot", KpiSeries.Day(backtest.Snapshot));
        yield return InsightValue.Of("backtest_train_examples", backtest.TrainExamples);
        yield return InsightValue.Of("backtest_train_churned_examples", backtest.TrainChurned);
        yield return InsightValue.Of("backtest_accounts", backtest.Accounts);
        yield return InsightValue.Of("backtest_churned", backtest.Churned);
        yield return InsightValue.Of("backtest_auc", Round(backtest.Auc));
        yield return InsightValue.Of("backtest_k", backtest.K);
        yield return InsightValue.Of("backtest_precision_at_k", Round(backtest.PrecisionAtK));
        yield return InsightValue.Of("backtest_recall_at_k", Round(backtest.RecallAtK));
        foreach (var bin in backtest.Calibration)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"calibration_{bin.Low:0.0#}_{bin.High:0.0#}");
            yield return InsightValue.Of($"{name}_accounts", bin.Count);
            yield return InsightValue.Of($"{name}_predicted", Round(bin.Predicted));
            yield return InsightValue.Of($"{name}_observed", Round(bin.Observed));
        }
    }

    private static double? Round(double? value) => value is null ? null : StableRounding.Round(value.Value, 4);
}
