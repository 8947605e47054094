namespace UsageLens.Insights.Anomalies;

/// <summary>
/// What a day of a series is expected to be, learned from the days before it: a weekday profile
/// (each weekday's median over the overall median), the weekday-free level projected to the day along
/// a robust trend, and the spread of the weekday-free values around that trend (scaled MAD).
/// </summary>
internal sealed class Baseline
{
    // A weekday whose median is 0 is judged with a whole day's spread: usage on a usually quiet day
    // must stand out against the series' ordinary days, not against its quiet ones.
    private const double QuietWeekdayWeight = 1;
    private const int ProfileDays = 56;
    private const int MinWeekdaySamples = 2;

    private readonly double[] _weekday;
    private readonly DateOnly _firstDay;

    private Baseline(double[] weekday, DateOnly firstDay, double level, double spread, double zeroShare)
    {
        _weekday = weekday;
        _firstDay = firstDay;
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

    private double Weight(int index) => _weekday[(int)_firstDay.AddDays(index).DayOfWeek];

    /// <summary>
    /// Learns the baseline for day <paramref name="day"/> from the usable days in
    /// [<paramref name="from"/>, <paramref name="day"/>), or returns null when they are too few or the
    /// series is mostly idle (its median day is 0: a sparse series is not judged).
    /// </summary>
    public static Baseline? Learn(IReadOnlyList<double> values, bool[] excluded, DateOnly firstDay, int from, int day, AnomalySettings settings)
    {
        var days = Usable(excluded, from, day, settings.BaselineDays);
        if (days.Count < settings.MinHistoryDays)
        {
            return null;
        }
        var overall = RobustStatistics.Median(days.Select(s => values[s]).ToList());
        if (!(overall > 0))
        {
            return null;
        }
        var longer = Usable(excluded, from, day, Math.Max(settings.BaselineDays, ProfileDays));
        var weekday = Profile(values, longer, firstDay);
        var free = Deseasonalised(values, days, weekday, firstDay);
        var slope = Slope(free);
        var level = Math.Max(0, RobustStatistics.Median(free.Select(p => p.Value + (slope * (day - p.Day))).ToList()));
        // The spread is measured over the longer window, each day deseasonalised by its weekday's profile
        // learned without it: with two to four samples a weekday's median is one of them or their mean, and judging
        // days by a profile they made shrinks the spread by half and flags ordinary days.
        var around = LeaveOneOut(values, longer, overall: RobustStatistics.Median(longer.Select(s => values[s]).ToList()), firstDay).Select(p => p.Value + (slope * (day - p.Day))).ToList();
        var spread = Math.Max(RobustStatistics.MadToSigma * RobustStatistics.MedianAbsoluteDeviation(around, RobustStatistics.Median([.. around])), settings.SpreadFloor * level);
        if (!(spread > 0))
        {
            return null;
        }
        var busy = days.Where(s => weekday[(int)firstDay.AddDays(s).DayOfWeek] > 0).ToList();
        var zeroShare = busy.Count == 0 ? 0 : busy.Count(s => values[s] == 0) / (double)busy.Count;
        return new Baseline(weekday, firstDay, level, spread, zeroShare);
    }

    private static List<(int Day, double Value)> Deseasonalised(IReadOnlyList<double> values, List<int> days, double[] weekday, DateOnly firstDay) =>
        days.Where(s => weekday[(int)firstDay.AddDays(s).DayOfWeek] > 0)
            .Select(s => (s, values[s] / weekday[(int)firstDay.AddDays(s).DayOfWeek]))
            .ToList();

    private static List<(int Day, double Value)> LeaveOneOut(IReadOnlyList<double> values, List<int> days, double overall, DateOnly firstDay)
    {
        var free = new List<(int Day, double Value)>();
        foreach (var group in days.GroupBy(s => firstDay.AddDays(s).DayOfWeek))
        {
            var onDay = group.ToList();
            foreach (var s in onDay)
            {
                var others = onDay.Where(o => o != s).Select(o => values[o]).ToList();
                var factor = others.Count == 0 ? 1 : RobustStatistics.Median(others) / overall;
                if (factor > 0)
                {
                    free.Add((s, values[s] / factor));
                }
            }
        }
        return free;
    }

    private static List<int> Usable(bool[] excluded, int from, int day, int length)
    {
        var days = new List<int>();
        for (var s = Math.Max(from, day - length); s < day; s++)
        {
            if (!excluded[s])
            {
                days.Add(s);
            }
        }
        return days;
    }

    // Each weekday's median over the overall median, from up to eight weeks: fewer samples let the
    // profile soak up noise, which would shrink the spread and flag ordinary days.
    private static double[] Profile(IReadOnlyList<double> values, List<int> days, DateOnly firstDay)
    {
        var overall = RobustStatistics.Median(days.Select(s => values[s]).ToList());
        var weekday = new double[7];
        for (var k = 0; k < 7; k++)
        {
            var onDay = days.Where(s => (int)firstDay.AddDays(s).DayOfWeek == k).Select(s => values[s]).ToList();
            // With one sample a weekday cannot be told from noise, so it counts as average.
            weekday[k] = onDay.Count < MinWeekdaySamples ? 1 : RobustStatistics.Median(onDay) / overall;
        }
        return weekday;
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
        var early = points.Take(half).ToList();
        var late = points.Skip(points.Count - half).ToList();
        var distance = late.Average(p => p.Day) - early.Average(p => p.Day);
        return (RobustStatistics.Median(late.Select(p => p.Value).ToList()) - RobustStatistics.Median(early.Select(p => p.Value).ToList())) / distance;
    }
}
