using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Health;

/// <summary>
/// What the health score is graded from, per account, as of one day: usage windows, seats, the last
/// day with a user active, the latest NPS answer day, and MRR now and 90 days before.
/// </summary>
internal sealed record HealthSignals(
    DateOnly AsOf,
    UsageWindows Usage,
    IReadOnlyDictionary<string, SeatCount> Seats,
    IReadOnlyDictionary<string, DateOnly> LastActive,
    IReadOnlyDictionary<string, LatestNps> Nps,
    IReadOnlyDictionary<string, double> MrrNow,
    IReadOnlyDictionary<string, double> MrrBefore)
{
    /// <summary>How far back the last activity and the latest NPS answer are looked for.</summary>
    public const int ActivityLookbackDays = 90;
    public const int NpsLookbackDays = 365;
    public const int MrrLookbackDays = 90;

    /// <summary>The accounts scored: paying now, or with usage in either window.</summary>
    public IReadOnlyList<string> Accounts() =>
        MrrNow.Where(m => m.Value > 0).Select(m => m.Key)
            .Concat(Usage.Usage.Where(u => u.Value.Values.Any(w => w.Recent > 0 || w.Previous > 0)).Select(u => u.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
