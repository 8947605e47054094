namespace UsageLens.Insights.Anomalies;

/// <summary>One finding of the scan of one daily series.</summary>
/// <param name="Day">The day (the first day of a change point).</param>
/// <param name="Observed">The value observed that day.</param>
/// <param name="Expected">The value the weekday-adjusted, trend-following baseline expected.</param>
/// <param name="Low">The low end of the normal range (expected − threshold × spread, at least 0).</param>
/// <param name="High">The high end of the normal range.</param>
/// <param name="Severity">The robust z-score's size: how many spreads the day lay from the expected value.</param>
/// <param name="Baseline">The weekday-free level the baseline had reached before the day.</param>
/// <param name="NewLevel">For a change point, the weekday-free level after it.</param>
public sealed record DetectedAnomaly(
    DateOnly Day,
    double Observed,
    double Expected,
    double Low,
    double High,
    double Severity,
    AnomalyDirection Direction,
    AnomalyKind Kind,
    double Baseline,
    double? NewLevel);
