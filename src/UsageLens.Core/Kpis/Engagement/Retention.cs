using UsageLens.Core.Querying;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Retention cohorts: entities grouped by the calendar period of their first event. Pure.</summary>
internal static class Retention
{
    /// <summary>
    /// Cells for every cohort whose first event falls in <paramref name="period"/> and every interval
    /// k (cohort start + k grains) that starts before the period's end, then one summary cell per k:
    /// Σ active ÷ Σ members over the cohorts whose interval k ended by then. Mode "on" counts members
    /// active in interval k; "on or after" counts members active in interval k or any later one.
    /// </summary>
    public static IReadOnlyList<RetentionCell> Cells(
        IReadOnlyDictionary<string, DateTime> firstEvents,
        IReadOnlyDictionary<string, HashSet<DateOnly>> activity,
        Period period,
        Grain grain,
        bool onOrAfter,
        DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(firstEvents);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(period);
        var cohortOf = firstEvents.Where(f => f.Value >= period.From && f.Value < period.To)
            .ToDictionary(f => f.Key, f => Calendar.StartOf(grain, f.Value, weekStart), StringComparer.Ordinal);
        // Per cohort, how many members were active in interval k, and how many were last active in it: "on" reads
        // the first, "on or after" sums the second from k on. Counted in arrays, not kept as a set per member, since a
        // cohort can hold every user of a big workspace.
        var counts = new Dictionary<DateTime, (int[] On, int[] Last)>();
        var intervals = new HashSet<int>();
        foreach (var (entity, cohort) in cohortOf)
        {
            if (!counts.TryGetValue(cohort, out var count))
            {
                var width = IntervalOf(cohort, period.To.AddTicks(-1), grain) + 1;
                counts[cohort] = count = (new int[width], new int[width]);
            }
            if (!activity.TryGetValue(entity, out var days))
            {
                continue;
            }
            intervals.Clear();
            foreach (var day in days)
            {
                var k = IntervalOf(cohort, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), grain);
                if (k >= 0 && k < count.On.Length && intervals.Add(k))
                {
                    count.On[k]++;
                }
            }
            if (intervals.Count > 0)
            {
                count.Last[intervals.Max()]++;
            }
        }
        var cells = new List<RetentionCell>();
        foreach (var cohort in cohortOf.GroupBy(c => c.Value, c => c.Key).OrderBy(c => c.Key))
        {
            var (on, last) = counts[cohort.Key];
            var members = cohort.Count();
            var start = cohort.Key;
            for (var k = 0; start < period.To; k++, start = Calendar.Next(grain, start))
            {
                var active = onOrAfter ? last[k..].Sum() : on[k];
                cells.Add(new RetentionCell(cohort.Key, k, members, active, Calendar.Next(grain, start) <= period.To));
            }
        }
        cells.AddRange(cells.Where(c => c.Elapsed).GroupBy(c => c.Interval).OrderBy(g => g.Key)
            .Select(g => new RetentionCell(null, g.Key, g.Sum(c => c.Members), g.Sum(c => c.Active), Elapsed: true)));
        return cells;
    }

    /// <summary>
    /// How many whole grains after the cohort's start (the first day of a bucket of <paramref name="grain"/>) the day
    /// falls; −1 before it. Counted by calendar arithmetic: retention calls it for every active entity and bucket.
    /// </summary>
    public static int IntervalOf(DateTime cohortStart, DateTime day, Grain grain)
    {
        if (day < cohortStart)
        {
            return -1;
        }
        var days = DateOnly.FromDateTime(day).DayNumber - DateOnly.FromDateTime(cohortStart).DayNumber;
        var months = ((day.Year - cohortStart.Year) * 12) + day.Month - cohortStart.Month;
        return grain switch
        {
            Grain.Day => days,
            Grain.Week => days / 7,
            Grain.Month => months,
            Grain.Quarter => months / 3,
            Grain.Year => day.Year - cohortStart.Year,
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
        };
    }
}
