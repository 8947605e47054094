namespace UsageLens.Insights.Accounts;

/// <summary>An account's usage of one meter in the 30 days before as-of and in the 30 days before those.</summary>
internal readonly record struct MeterWindows(double Recent, double Previous);
