namespace UsageLens.Insights.Trials;

/// <summary>
/// The typical converted account a trial is measured against: the median usage of each meter over the
/// last 30 days, the median active users and the median number of meters used.
/// </summary>
/// <param name="Description">Who the peers are, in words ("3 accounts that converted from a trial").</param>
internal sealed record TrialPeers(string Description, int Count, IReadOnlyDictionary<string, double> MeterMedians, double ActiveUsers, double Breadth);
