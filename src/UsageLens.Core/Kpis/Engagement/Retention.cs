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
        var members = firstEvents.Select(f => new CohortMember(f.Value, activity.TryGetValue(f.Key, out var days) ? days : []));
        return Cells(members, period, grain, onOrAfter, weekStart);
    }

    /// <summary>As the overload by entity, for members already paired with their activity; those who started outside the period are left out.</summary>
    public static IReadOnlyList<RetentionCell> Cells(IEnumerable<CohortMember> members, Period period, Grain grain, bool onOrAfter, DayOfWeek weekStart = DayOfWeek.Monday) =>
        Cells(Counts(members, period, grain, onOrAfter, weekStart), period, grain);

    /// <summary>
    /// The cells of counted cohorts: one per cohort and interval that starts before the period's end, and the summary
    /// per interval over the cohorts whose interval has elapsed by then.
    /// </summary>
    public static IReadOnlyList<RetentionCell> Cells(IEnumerable<CohortCount> cohorts, Period period, Grain grain)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        ArgumentNullException.ThrowIfNull(period);
        var cells = new List<RetentionCell>();
        foreach (var cohort in cohorts.OrderBy(c => c.Cohort))
        {
            var start = cohort.Cohort;
            for (var k = 0; start < period.To; k++, start = Calendar.Next(grain, start))
            {
                var active = k < cohort.Active.Count ? cohort.Active[k] : 0;
                cells.Add(new RetentionCell(cohort.Cohort, k, cohort.Members, active, Calendar.Next(grain, start) <= period.To));
            }
        }
        cells.AddRange(cells.Where(c => c.Elapsed).GroupBy(c => c.Interval).OrderBy(g => g.Key)
            .Select(g => new RetentionCell(null, g.Key, g.Sum(c => c.Members), g.Sum(c => c.Active), Elapsed: true)));
        return cells;
    }

    /// <summary>The cohorts of the members who started in the period, counted by the mode asked for.</summary>
    public static IReadOnlyList<CohortCount> Counts(IEnumerable<CohortMember> members, Period period, Grain grain, bool onOrAfter, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(period);
        // Per cohort, how many members were active in interval k, and how many were last active in it: "on" reads the
        // first, "on or after" sums the second from k on. Counted in arrays, not kept as a set per member, since a
        // cohort can hold every user of a big workspace.
        var counts = new Dictionary<DateTime, (int[] On, int[] Last)>();
        var sizes = new Dictionary<DateTime, int>();
        var intervals = new HashSet<int>();
        foreach (var member in members.Where(m => m.FirstEvent >= period.From && m.FirstEvent < period.To))
        {
            var cohort = Calendar.StartOf(grain, member.FirstEvent, weekStart);
            if (!counts.TryGetValue(cohort, out var count))
            {
                var width = IntervalOf(cohort, period.To.AddTicks(-1), grain) + 1;
                counts[cohort] = count = (new int[width], new int[width]);
            }
            sizes[cohort] = sizes.GetValueOrDefault(cohort) + 1;
            intervals.Clear();
            foreach (var day in member.Active)
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
        return counts.Select(c => new CohortCount(c.Key, sizes[c.Key],
            onOrAfter ? c.Value.Last.Select((_, k) => c.Value.Last[k..].Sum()).ToArray() : c.Value.On)).ToList();
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
