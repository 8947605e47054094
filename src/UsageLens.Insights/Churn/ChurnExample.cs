namespace UsageLens.Insights.Churn;

/// <summary>
/// One account at one snapshot day: its features computed from data before the day and, for a past
/// snapshot, whether its MRR went to 0 within the horizon after it.
/// </summary>
/// <param name="Snapshot">The index of the snapshot, 0 the latest past one; -1 for the as-of day itself.</param>
internal sealed record ChurnExample(string Account, int Snapshot, DateOnly Day, IReadOnlyList<double> Features, bool Churned);
