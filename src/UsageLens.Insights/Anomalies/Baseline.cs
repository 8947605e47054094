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

    private readonly double[] _profile;
    private readonly int[] _weekdays;

    private Baseline(double[] profile, int[] weekdays, double level, double spread, double zeroShare)
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

    /// <summary>The buffers a scan of a series needs for <paramref name="settings"/>.</summary>
    public static BaselineBuffers Buffers(AnomalySettings settings) => new(Math.Max(settings.BaselineDays, ProfileDays));

    /// <summary>
    /// Learns the baseline for day <paramref name="day"/> from the usable days in
    /// [<paramref name="from"/>, <paramref name="day"/>), or returns null when they are too few or the
    /// series is mostly idle (its median day is 0: a sparse series is not judged).
    /// </summary>
    // Every figure is computed with the same operations in the same order as the list-based version
    // it replaced (tests/…/Plain keeps it), so findings are identical: medians only depend on the
    // values, and sums run over the days in the same order.
    public static Baseline? Learn(double[] values, int[] weekdays, bool[] excluded, int from, int day, AnomalySettings settings, BaselineBuffers buffers)
    {
        var days = buffers.Days;
        var count = Usable(excluded, from, day, settings.BaselineDays, days);
        if (count < settings.MinHistoryDays)
        {
            return null;
        }
        var overall = MedianOf(values, days, count, buffers.Work);
        if (!(overall > 0))
        {
            return null;
        }
        var longer = buffers.Longer;
        var longerCount = Usable(excluded, from, day, Math.Max(settings.BaselineDays, ProfileDays), longer);
        var longerOverall = MedianOf(values, longer, longerCount, buffers.Work);
        ByWeekday(values, weekdays, longer, longerCount, buffers);
        var profile = Profile(buffers, longerOverall);
        var freeCount = Deseasonalised(values, weekdays, days, count, profile, buffers);
        var slope = Slope(buffers.FreeDays, buffers.FreeValues, freeCount, buffers.Work);
        var work = buffers.Work;
        for (var i = 0; i < freeCount; i++)
        {
            work[i] = buffers.FreeValues[i] + (slope * (day - buffers.FreeDays[i]));
        }
        var level = Math.Max(0, RobustStatistics.Median(work.AsSpan(0, freeCount)));
        // The spread is measured over the longer window, each day deseasonalised by its weekday's profile
        // learned without it: with two to four samples a weekday's median is one of them or their mean,
        // and judging days by a profile they made shrinks the spread by half and flags ordinary days.
        var aroundCount = LeaveOneOut(buffers, longerOverall, day, slope);
        var around = buffers.Around.AsSpan(0, aroundCount);
        around.CopyTo(work);
        var center = RobustStatistics.Median(work.AsSpan(0, aroundCount));
        for (var i = 0; i < aroundCount; i++)
        {
            work[i] = Math.Abs(around[i] - center);
        }
        var spread = Math.Max(RobustStatistics.MadToSigma * RobustStatistics.Median(work.AsSpan(0, aroundCount)), settings.SpreadFloor * level);
        if (!(spread > 0))
        {
            return null;
        }
        return new Baseline(profile, weekdays, level, spread, ZeroShareOf(values, weekdays, days, count, profile));
    }

    private static double ZeroShareOf(double[] values, int[] weekdays, int[] days, int count, double[] profile)
    {
        var busy = 0;
        var zeros = 0;
        for (var i = 0; i < count; i++)
        {
            var s = days[i];
            if (profile[weekdays[s]] > 0)
            {
                busy++;
                zeros += values[s] == 0 ? 1 : 0;
            }
        }
        return busy == 0 ? 0 : zeros / (double)busy;
    }

    private static double MedianOf(double[] values, int[] days, int count, double[] work)
    {
        for (var i = 0; i < count; i++)
        {
            work[i] = values[days[i]];
        }
        return RobustStatistics.Median(work.AsSpan(0, count));
    }

    private static int Deseasonalised(double[] values, int[] weekdays, int[] days, int count, double[] profile, BaselineBuffers buffers)
    {
        var free = 0;
        for (var i = 0; i < count; i++)
        {
            var s = days[i];
            if (profile[weekdays[s]] > 0)
            {
                buffers.FreeDays[free] = s;
                buffers.FreeValues[free] = values[s] / profile[weekdays[s]];
                free++;
            }
        }
        return free;
    }

    // Each weekday's values (with their days), sorted by value, so medians with and without one day are lookups.
    private static void ByWeekday(double[] values, int[] weekdays, int[] days, int count, BaselineBuffers buffers)
    {
        Array.Clear(buffers.GroupCounts);
        for (var i = 0; i < count; i++)
        {
            var s = days[i];
            var k = weekdays[s];
            var at = buffers.GroupCounts[k]++;
            buffers.GroupValues[k][at] = values[s];
            buffers.GroupDays[k][at] = s;
        }
        for (var k = 0; k < 7; k++)
        {
            Array.Sort(buffers.GroupValues[k], buffers.GroupDays[k], 0, buffers.GroupCounts[k]);
        }
    }

    // Each weekday's median over the overall median, from up to eight weeks: fewer samples let the
    // profile soak up noise, which would shrink the spread and flag ordinary days.
    private static double[] Profile(BaselineBuffers buffers, double overall)
    {
        var profile = new double[7];
        for (var k = 0; k < 7; k++)
        {
            // With one sample a weekday cannot be told from noise, so it counts as average.
            var count = buffers.GroupCounts[k];
            profile[k] = count < MinWeekdaySamples ? 1 : SortedMedian(buffers.GroupValues[k], count, skip: -1) / overall;
        }
        return profile;
    }

    private static int LeaveOneOut(BaselineBuffers buffers, double overall, int day, double slope)
    {
        var around = 0;
        for (var k = 0; k < 7; k++)
        {
            var values = buffers.GroupValues[k];
            var days = buffers.GroupDays[k];
            var count = buffers.GroupCounts[k];
            for (var rank = 0; rank < count; rank++)
            {
                var factor = count == 1 ? 1 : SortedMedian(values, count, skip: rank) / overall;
                if (factor > 0)
                {
                    buffers.Around[around++] = (values[rank] / factor) + (slope * (day - days[rank]));
                }
            }
        }
        return around;
    }

    // The median of the first count sorted values, leaving out the one at rank skip (none when skip is −1).
    private static double SortedMedian(double[] sorted, int count, int skip)
    {
        var kept = skip < 0 ? count : count - 1;
        double At(int i) => sorted[skip >= 0 && i >= skip ? i + 1 : i];
        return kept % 2 == 1 ? At(kept / 2) : (At((kept / 2) - 1) + At(kept / 2)) / 2;
    }

    private static int Usable(bool[] excluded, int from, int day, int length, int[] days)
    {
        var count = 0;
        for (var s = Math.Max(from, day - length); s < day; s++)
        {
            if (!excluded[s])
            {
                days[count++] = s;
            }
        }
        return count;
    }

    // The difference of the two halves' medians over the distance between their mean days: a trend
    // estimate one spike cannot bend, and cheap enough to learn a baseline for every day.
    private static double Slope(int[] days, double[] values, int count, double[] work)
    {
        if (count < 4)
        {
            return 0;
        }
        var half = count / 2;
        var distance = MeanDay(days, count - half, half) - MeanDay(days, 0, half);
        values.AsSpan(count - half, half).CopyTo(work);
        var late = RobustStatistics.Median(work.AsSpan(0, half));
        values.AsSpan(0, half).CopyTo(work);
        var early = RobustStatistics.Median(work.AsSpan(0, half));
        return (late - early) / distance;
    }

    // As Enumerable.Average over whole days: a whole-number sum divided once.
    private static double MeanDay(int[] days, int start, int count)
    {
        long sum = 0;
        for (var i = start; i < start + count; i++)
        {
            sum += days[i];
        }
        return (double)sum / count;
    }
}
