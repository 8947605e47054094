using UsageLens.Insights.Anomalies;

namespace UsageLens.Insights.Tests.Anomalies.Plain;

/// <summary>
/// The anomaly scan as first written, kept as the plain reference the fast scan must agree with exactly.
/// Scans one daily series for days that depart from a weekday-adjusted, trend-following baseline by
/// at least the threshold in robust z-scores, then tells blips from changes by the days after: a
/// series that returned to normal is an anomaly; one that stayed beyond half the threshold is a
/// change point (a level shift, or a stop when it stayed at nothing), reported once, after which
/// the baseline is learned afresh from the new regime.
/// </summary>
internal static class PlainAnomalyDetector
{
    public static IReadOnlyList<DetectedAnomaly> Scan(DateOnly firstDay, IReadOnlyList<double> values, AnomalySettings settings)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(settings);
        var found = new List<DetectedAnomaly>();
        var excluded = new bool[values.Count];
        var weekdays = PlainBaseline.Weekdays(firstDay, values.Count);
        // Days before a series' first use are not its history: an account that starts is not "usually idle".
        var regimeStart = 0;
        while (regimeStart < values.Count && values[regimeStart] == 0)
        {
            regimeStart++;
        }
        for (var day = 0; day < values.Count; day++)
        {
            if (PlainBaseline.Learn(values, weekdays, excluded, regimeStart, day, settings) is not { } baseline || baseline.Level < settings.MinVolume)
            {
                continue;
            }
            var observed = values[day];
            var score = baseline.Score(day, observed);
            if (!Departs(observed, score, baseline, day, settings))
            {
                continue;
            }
            var direction = score > 0 ? AnomalyDirection.Spike : AnomalyDirection.Drop;
            var (kind, until) = Classify(values, day, direction, baseline, settings);
            found.Add(Describe(firstDay, values, day, until, baseline, settings, score, direction, kind));
            if (kind == AnomalyKind.Anomaly)
            {
                excluded[day] = true;
                continue;
            }
            if (kind == AnomalyKind.Ongoing)
            {
                break;
            }
            regimeStart = day;
        }
        return found;
    }

    // A day with nothing is an outage when the baseline had no empty busy day and expected at least the
    // minimum volume, whatever its z-score: a noisy small series seldom drops the full threshold to 0,
    // yet never drops to 0 by chance. Where empty days already happen, a zero day is normal.
    private static bool Departs(double observed, double score, PlainBaseline baseline, int day, AnomalySettings settings)
    {
        if (observed == 0)
        {
            return baseline.ZeroShare < settings.SparseZeroShare
                && (score <= -settings.Threshold || (baseline.ZeroShare == 0 && baseline.Expected(day) >= settings.MinVolume));
        }
        return Math.Abs(score) >= settings.Threshold;
    }

    /// <summary>Whether the days after <paramref name="day"/> returned to normal, and the last day the finding spans.</summary>
    private static (AnomalyKind Kind, int Until) Classify(IReadOnlyList<double> values, int day, AnomalyDirection direction, PlainBaseline baseline, AnomalySettings settings)
    {
        var last = Math.Min(values.Count - 1, day + settings.ConfirmDays);
        var following = last - day;
        var beyond = 0;
        for (var s = day + 1; s <= last; s++)
        {
            var score = baseline.Score(s, values[s]);
            // After an outage, another day with nothing is as far out as the outage itself.
            var outage = values[day] == 0 && values[s] == 0;
            if (direction == AnomalyDirection.Spike ? score >= settings.Threshold / 2 : outage || score <= -settings.Threshold / 2)
            {
                beyond++;
            }
        }
        if (following > 0 && beyond >= AnomalySettings.ShiftShare * following)
        {
            if (following < AnomalySettings.MinConfirmDays)
            {
                return (AnomalyKind.Ongoing, last);
            }
            var stopped = Enumerable.Range(day, following + 1).All(s => values[s] == 0);
            return (stopped ? AnomalyKind.Stopped : AnomalyKind.LevelShift, last);
        }
        return (following == 0 ? AnomalyKind.Ongoing : AnomalyKind.Anomaly, day);
    }

    private static DetectedAnomaly Describe(DateOnly firstDay, IReadOnlyList<double> values, int day, int until, PlainBaseline baseline, AnomalySettings settings, double score, AnomalyDirection direction, AnomalyKind kind)
    {
        var expected = baseline.Expected(day);
        var width = settings.Threshold * baseline.SpreadAt(day);
        double? newLevel = kind is AnomalyKind.LevelShift or AnomalyKind.Stopped
            ? NewLevel(values, day, until, baseline)
            : null;
        return new DetectedAnomaly(firstDay.AddDays(day), values[day], expected, Math.Max(0, expected - width), expected + width, Math.Abs(score), direction, kind, baseline.Level, newLevel);
    }

    // The new level is in the same weekday-free units as the baseline: each day over its weekday's share.
    private static double NewLevel(IReadOnlyList<double> values, int day, int until, PlainBaseline baseline)
    {
        var free = new List<double>();
        for (var s = day; s <= until; s++)
        {
            var expected = baseline.Expected(s);
            if (expected > 0)
            {
                free.Add(values[s] / expected * baseline.Level);
            }
        }
        return free.Count == 0 ? 0 : RobustStatistics.Median(free);
    }
}
