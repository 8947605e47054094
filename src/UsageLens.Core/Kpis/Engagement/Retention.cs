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
        IEnumerable<(string Entity, DateOnly Day)> activity,
        Period period,
        Grain grain,
        bool onOrAfter,
        DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(firstEvents);
        ArgumentNullException.ThrowIfNull(period);
        var cohortOf = firstEvents.Where(f => f.Value >= period.From && f.Value < period.To)
            .ToDictionary(f => f.Key, f => Calendar.StartOf(grain, f.Value, weekStart), StringComparer.Ordinal);
        var intervals = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (entity, day) in activity)
        {
            if (cohortOf.TryGetValue(entity, out var cohort))
            {
                var k = IntervalOf(cohort, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), grain);
                if (k >= 0)
                {
                    (intervals.TryGetValue(entity, out var set) ? set : intervals[entity] = []).Add(k);
                }
            }
        }
        var cells = new List<RetentionCell>();
        foreach (var cohort in cohortOf.GroupBy(c => c.Value).OrderBy(c => c.Key))
        {
            var members = cohort.Select(c => intervals.GetValueOrDefault(c.Key) ?? []).ToList();
            var start = cohort.Key;
            for (var k = 0; start < period.To; k++, start = Calendar.Next(grain, start))
            {
                var active = members.Count(m => onOrAfter ? m.Count > 0 && m.Max() >= k : m.Contains(k));
                cells.Add(new RetentionCell(cohort.Key, k, members.Count, active, Calendar.Next(grain, start) <= period.To));
            }
        }
        cells.AddRange(cells.Where(c => c.Elapsed).GroupBy(c => c.Interval).OrderBy(g => g.Key)
            .Select(g => new RetentionCell(null, g.Key, g.Sum(c => c.Members), g.Sum(c => c.Active), Elapsed: true)));
        return cells;
    }

    /// <summary>How many whole grains after the cohort's start the day falls; −1 before it.</summary>
    public static int IntervalOf(DateTime cohortStart, DateTime day, Grain grain)
    {
        if (day < cohortStart)
        {
            return -1;
        }
        var k = 0;
        for (var next = Calendar.Next(grain, cohortStart); next <= day; next = Calendar.Next(grain, next))
        {
            k++;
        }
        return k;
    }
}
