using UsageLens.Insights.Anomalies;

namespace UsageLens.Insights.Tests.Anomalies.Plain;

/// <summary>
/// The baseline as first written (lists, LINQ, a sort per median), the reference for the fast one.
/// What a day of a series is expected to be, learned from the days before it: a weekday profile
/// (each weekday's median over the overall median), the weekday-free level projected to the day along
/// a robust trend, and the spread of the weekday-free values around that trend (scaled MAD).
/// </summary>
internal sealed class PlainBaseline
{
    // A weekday whose median is 0 is judged with a whole day's spread: usage on a usually quiet day
    // must stand out against the series' ordinary days, not against its quiet ones.
    private const double QuietWeekdayWeight = 1;
    private const int ProfileDays = 56;
    private const int MinWeekdaySamples = 2;

    private readonly double[] _profile;
    private readonly int[] _weekdays;

    private PlainBaseline(double[] profile, int[] weekdays, double level, double spread, double zeroShare)
    {
        _profile = profile;
        _weekdays = weekdays;
        Level = level;
        Spread = spread;
        ZeroShare = zeroShare;
    }

    /// <summary>The weekday-free level expected on the day the baseline was learned for.</summary>
    public double Level { get; }

    /// <summary>The weekday-free spread (1.4826 × MAD, at least the floor share of the level).</summary>
    public double Spread { get; }

    /// <summary>The share of baseline days with nothing, on weekdays that are usually busy.</summary>
    public double ZeroShare { get; }

    public double Expected(int index) => Level * Weight(index);

    // The spread shrinks with the square root of the weekday's share, not the share itself: counts are
    // relatively noisier on quiet days (a Poisson count's spread grows as its root), so a Sunday at a
    // fifth of the usual volume keeps almost half the usual spread.
    public double SpreadAt(int index) => Spread * (Weight(index) > 0 ? Math.Sqrt(Weight(index)) : QuietWeekdayWeight);

    /// <summary>The robust z-score of <paramref name="value"/> on day <paramref name="index"/>.</summary>
    public double Score(int index, double value) => (value - Expected(index)) / SpreadAt(index);

    private double Weight(int index) => _profile[_weekdays[index]];

    /// <summary>The day of the week of each day of a series starting on <paramref name="firstDay"/>, Sunday being 0.</summary>
    public static int[] Weekdays(DateOnly firstDay, int count)
    {
        var weekdays = new int[count];
        for (var i = 0; i < count; i++)
        {
            weekdays[i] = ((int)firstDay.DayOfWeek + i) % 7;
        }
        return weekdays;
    }

    /// <summary>
    /// Learns the baseline for day <paramref name="day"/> from the usable days in
    /// [<paramref name="from"/>, <paramref name="day"/>), or returns null when they are too few or the
    /// series is mostly idle (its median day is 0: a sparse series is not judged).
    /// </summary>
    public static PlainBaseline? Learn(IReadOnlyList<double> values, int[] weekdays, bool[] excluded, int from, int day, AnomalySettings settings)
    {
        var days = Usable(excluded, from, day, settings.BaselineDays);
        if (days.Count < settings.MinHistoryDays)
        {
            return null;
        }
        var overall = RobustStatistics.Median(days.ConvertAll(s => values[s]));
        if (!(overall > 0))
        {
            return null;
        }
        var longer = Usable(excluded, from, day, Math.Max(settings.BaselineDays, ProfileDays));
        var longerOverall = RobustStatistics.Median(longer.ConvertAll(s => values[s]));
        var byWeekday = ByWeekday(values, weekdays, longer);
        var profile = Profile(byWeekday, longerOverall);
        var free = Deseasonalised(values, weekdays, days, profile);
        var slope = Slope(free);
        var level = Math.Max(0, RobustStatistics.Median(free.ConvertAll(p => p.Value + (slope * (day - p.Day)))));
        // The spread is measured over the longer window, each day deseasonalised by its weekday's profile
        // learned without it: with two to four samples a weekday's median is one of them or their mean,
        // and judging days by a profile they made shrinks the spread by half and flags ordinary days.
        var around = LeaveOneOut(byWeekday, longerOverall, day, slope);
        var spread = Math.Max(RobustStatistics.MadToSigma * RobustStatistics.MedianAbsoluteDeviation(around, RobustStatistics.Median(new List<double>(around))), settings.SpreadFloor * level);
        if (!(spread > 0))
        {
            return null;
        }
        var busy = days.FindAll(s => profile[weekdays[s]] > 0);
        var zeroShare = busy.Count == 0 ? 0 : busy.Count(s => values[s] == 0) / (double)busy.Count;
        return new PlainBaseline(profile, weekdays, level, spread, zeroShare);
    }

    private static List<(int Day, double Value)> Deseasonalised(IReadOnlyList<double> values, int[] weekdays, List<int> days, double[] profile)
    {
        var free = new List<(int Day, double Value)>(days.Count);
        foreach (var s in days)
        {
            if (profile[weekdays[s]] > 0)
            {
                free.Add((s, values[s] / profile[weekdays[s]]));
            }
        }
        return free;
    }

    // Each weekday's (value, day) pairs, sorted by value, so medians with and without one day are lookups.
    private static List<(double Value, int Day)>[] ByWeekday(IReadOnlyList<double> values, int[] weekdays, List<int> days)
    {
        var groups = new List<(double Value, int Day)>[7];
        for (var k = 0; k < 7; k++)
        {
            groups[k] = [];
        }
        foreach (var s in days)
        {
            groups[weekdays[s]].Add((values[s], s));
        }
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.Value.CompareTo(b.Value));
        }
        return groups;
    }

    // Each weekday's median over the overall median, from up to eight weeks: fewer samples let the
    // profile soak up noise, which would shrink the spread and flag ordinary days.
    private static double[] Profile(List<(double Value, int Day)>[] byWeekday, double overall)
    {
        var profile = new double[7];
        for (var k = 0; k < 7; k++)
        {
            // With one sample a weekday cannot be told from noise, so it counts as average.
            profile[k] = byWeekday[k].Count < MinWeekdaySamples ? 1 : SortedMedian(byWeekday[k], skip: -1) / overall;
        }
        return profile;
    }

    private static List<double> LeaveOneOut(List<(double Value, int Day)>[] byWeekday, double overall, int day, double slope)
    {
        var around = new List<double>();
        foreach (var group in byWeekday)
        {
            for (var rank = 0; rank < group.Count; rank++)
            {
                var factor = group.Count == 1 ? 1 : SortedMedian(group, skip: rank) / overall;
                if (factor > 0)
                {
                    around.Add((group[rank].Value / factor) + (slope * (day - group[rank].Day)));
                }
            }
        }
        return around;
    }

    // The median of a sorted group, leaving out the element at rank skip (none when skip is −1).
    private static double SortedMedian(List<(double Value, int Day)> sorted, int skip)
    {
        var count = skip < 0 ? sorted.Count : sorted.Count - 1;
        double At(int i) => sorted[skip >= 0 && i >= skip ? i + 1 : i].Value;
        return count % 2 == 1 ? At(count / 2) : (At((count / 2) - 1) + At(count / 2)) / 2;
    }

    private static List<int> Usable(bool[] excluded, int from, int day, int length)
    {
        var days = new List<int>(length);
        for (var s = Math.Max(from, day - length); s < day; s++)
        {
            if (!excluded[s])
            {
                days.Add(s);
            }
        }
        return days;
    }

    // The difference of the two halves' medians over the distance between their mean days: a trend
    // estimate one spike cannot bend, and cheap enough to learn a baseline for every day.
    private static double Slope(List<(int Day, double Value)> points)
    {
        if (points.Count < 4)
        {
            return 0;
        }
        var half = points.Count / 2;
        var early = points.GetRange(0, half);
        var late = points.GetRange(points.Count - half, half);
        var distance = late.Average(p => p.Day) - early.Average(p => p.Day);
        return (RobustStatistics.Median(late.ConvertAll(p => p.Value)) - RobustStatistics.Median(early.ConvertAll(p => p.Value))) / distance;
    }
}
