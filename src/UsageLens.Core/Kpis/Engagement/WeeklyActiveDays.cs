using UsageLens.Core.Querying;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>The stickiness distribution: on how many days of a calendar week active users come back. Pure.</summary>
internal static class WeeklyActiveDays
{
    /// <summary>
    /// For every (user, calendar week of the period) with activity, the number of active days in
    /// that week (weeks are clipped to the period). Index k − 1 holds how many user-weeks had exactly k days.
    /// </summary>
    public static int[] Histogram(IEnumerable<ActiveDay> activity, Period period, DayOfWeek weekStart)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(period);
        var first = DateOnly.FromDateTime(period.From);
        var last = ActivityIndex.LastDay(period);
        var histogram = new int[7];
        var userWeeks = activity.Where(a => a.Day >= first && a.Day <= last)
            .GroupBy(a => (a.User, Week: Calendar.StartOf(Grain.Week, a.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), weekStart)));
        foreach (var userWeek in userWeeks)
        {
            histogram[userWeek.Select(a => a.Day).Distinct().Count() - 1]++;
        }
        return histogram;
    }

    /// <summary>Mean active days per active user-week, and one row per k: exactly k days (value) and at least k days, in percent of user-weeks.</summary>
    public static (KpiOutcome Overall, IReadOnlyList<(int Days, KpiOutcome Share)> ByDays) Distribution(int[] histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var total = histogram.Sum();
        var rows = Enumerable.Range(1, 7).Select(k =>
        {
            var atLeast = histogram.Skip(k - 1).Sum();
            return (k, new KpiOutcome(
                total == 0 ? null : histogram[k - 1] * 100d / total,
                [new KpiPart("user_weeks", histogram[k - 1]), new KpiPart("at_least_percent", total == 0 ? null : atLeast * 100d / total)]));
        }).ToList();
        double? mean = total == 0 ? null : histogram.Select((count, i) => count * (i + 1d)).Sum() / total;
        return (new KpiOutcome(mean, [new KpiPart("user_weeks", total)]), rows);
    }
}
