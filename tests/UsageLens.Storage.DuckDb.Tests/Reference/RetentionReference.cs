namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// Retention cohorts written out plainly: users (or accounts) grouped by the calendar month (or
/// Monday week) of their first event, which must fall in the period; cell (cohort, k) = members
/// active in interval k (on-or-after: in k or later, up to the period's end) ÷ members; the
/// summary weights the cohorts whose interval k ended by the period's end.
/// </summary>
internal static class RetentionReference
{
    public static (ExpectedKpi Overall, IReadOnlyDictionary<(string Cohort, int Interval), ExpectedKpi> Cells) Compute(
        SampleWorkspace w, Window period, Func<string?, bool> keep, bool accounts, bool onOrAfter, bool weekly)
    {
        var events = w.Events.Where(e => (accounts || e.User is not null) && keep(e.Account) && e.At < period.To)
            .Select(e => (Entity: accounts ? e.Account : e.User!, e.At)).ToList();
        var cohortOf = events.GroupBy(e => e.Entity).Select(g => (Entity: g.Key, First: g.Min(e => e.At)))
            .Where(f => period.Contains(f.First)).ToDictionary(f => f.Entity, f => Start(f.First, weekly));
        var cells = new Dictionary<(string, int), ExpectedKpi>();
        var summary = new SortedDictionary<int, (int Members, int Active)>();
        foreach (var cohort in cohortOf.GroupBy(c => c.Value).OrderBy(g => g.Key))
        {
            var members = cohort.Select(c => c.Key).ToList();
            var intervals = members.ToDictionary(m => m, m => events.Where(e => e.Entity == m).Select(e => Interval(cohort.Key, e.At, weekly)).ToHashSet());
            for (var k = 0; Add(cohort.Key, k, weekly) < period.To; k++)
            {
                var active = members.Count(m => onOrAfter ? intervals[m].Any(i => i >= k) : intervals[m].Contains(k));
                cells[(Window.Label(cohort.Key), k)] = Cell(members.Count, active);
                if (Add(cohort.Key, k + 1, weekly) <= period.To)
                {
                    var (m, a) = summary.GetValueOrDefault(k);
                    summary[k] = (m + members.Count, a + active);
                }
            }
        }
        foreach (var (k, (members, active)) in summary)
        {
            cells[("all", k)] = Cell(members, active);
        }
        (int Members, int Active)? one = summary.TryGetValue(1, out var s) ? s : null;
        var overall = new ExpectedKpi(
            one is { Members: > 0 } o ? o.Active * 100d / o.Members : null,
            ("cohort_members", cohortOf.Count), ("members_k1", one?.Members), ("active_k1", one?.Active));
        return (overall, cells);
    }

    private static ExpectedKpi Cell(int members, int active) => new(members == 0 ? null : active * 100d / members, ("members", members), ("active", active));

    private static DateTime Start(DateTime instant, bool weekly) => weekly
        ? instant.Date.AddDays(-(((int)instant.DayOfWeek + 6) % 7))
        : new DateTime(instant.Year, instant.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime Add(DateTime start, int k, bool weekly) => weekly ? start.AddDays(7 * k) : start.AddMonths(k);

    private static int Interval(DateTime cohortStart, DateTime at, bool weekly) => weekly
        ? (int)Math.Floor((at.Date - cohortStart).TotalDays / 7)
        : ((at.Year - cohortStart.Year) * 12) + at.Month - cohortStart.Month;
}
