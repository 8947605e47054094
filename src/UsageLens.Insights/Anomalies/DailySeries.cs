namespace UsageLens.Insights.Anomalies;

/// <summary>One subject's daily values of one metric, day 0 being the first day of the lookback.</summary>
internal sealed record DailySeries(string Subject, string Metric, double[] Values);
