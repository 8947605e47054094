using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Sessions: a user's events split wherever the gap between two events exceeds a limit. Pure.</summary>
internal static class Sessions
{
    /// <summary>The length (last − first event) of every session of every user.</summary>
    public static IReadOnlyList<TimeSpan> Lengths(IEnumerable<UserEvent> events, TimeSpan gap)
    {
        ArgumentNullException.ThrowIfNull(events);
        var lengths = new List<TimeSpan>();
        foreach (var user in events.GroupBy(e => e.User, StringComparer.Ordinal))
        {
            var times = user.Select(e => e.Timestamp).Order().ToList();
            var start = times[0];
            for (var i = 1; i < times.Count; i++)
            {
                if (times[i] - times[i - 1] > gap)
                {
                    lengths.Add(times[i - 1] - start);
                    start = times[i];
                }
            }
            lengths.Add(times[^1] - start);
        }
        return lengths;
    }

    /// <summary>The sessions of the events inside the period: count, mean and median minutes, and distinct users.</summary>
    public static KpiOutcome Summarise(IReadOnlyList<UserEvent> events, Period period, TimeSpan gap)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(period);
        var inPeriod = events.Where(e => e.Timestamp >= period.From && e.Timestamp < period.To).ToList();
        var minutes = Lengths(inPeriod, gap).Select(l => l.TotalMinutes).Order().ToList();
        double? mean = minutes.Count == 0 ? null : minutes.Average();
        return new KpiOutcome(minutes.Count,
        [
            new KpiPart("sessions", minutes.Count),
            new KpiPart("mean_minutes", mean),
            new KpiPart("median_minutes", Median(minutes)),
            new KpiPart("users", inPeriod.Select(e => e.User).Distinct(StringComparer.Ordinal).Count()),
        ]);
    }

    /// <summary>The middle value of sorted values, or the mean of the two middle ones.</summary>
    public static double? Median(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
