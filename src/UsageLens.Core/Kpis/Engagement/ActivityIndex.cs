using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// The distinct active users of each UTC day, and the counts the engagement KPIs are built on.
/// Pure: no I/O, so each figure can be checked by hand.
/// </summary>
internal sealed class ActivityIndex
{
    private readonly Dictionary<DateOnly, HashSet<string>> _usersByDay = [];

    public ActivityIndex(IEnumerable<ActiveDay> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var active in activity)
        {
            if (!_usersByDay.TryGetValue(active.Day, out var users))
            {
                _usersByDay[active.Day] = users = new HashSet<string>(StringComparer.Ordinal);
            }
            users.Add(active.User);
        }
    }

    /// <summary>The UTC days a period touches: from its first instant's day to its last instant's day.</summary>
    public static IReadOnlyList<DateOnly> Days(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var first = DateOnly.FromDateTime(period.From);
        var last = LastDay(period);
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
    }

    public static DateOnly LastDay(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return DateOnly.FromDateTime(period.To.AddTicks(-1));
    }

    /// <summary>DAU(d).</summary>
    public int OnDay(DateOnly day) => _usersByDay.TryGetValue(day, out var users) ? users.Count : 0;

    /// <summary>Distinct users active on any day from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public int Between(DateOnly first, DateOnly last) =>
        _usersByDay.Where(d => d.Key >= first && d.Key <= last).SelectMany(d => d.Value).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Distinct users active in the <paramref name="window"/> days ending on <paramref name="day"/>: d − N &lt; day ≤ d.</summary>
    public int Trailing(DateOnly day, int window) => Between(day.AddDays(1 - window), day);

    /// <summary>Distinct users active in the period.</summary>
    public int In(Period period) => Between(DateOnly.FromDateTime(period.From), LastDay(period));

    /// <summary>Mean DAU over every day of the period; days without activity count as 0.</summary>
    public double MeanDaily(Period period)
    {
        var days = Days(period);
        return days.Sum(OnDay) / (double)days.Count;
    }
}
