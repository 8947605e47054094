using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>Calendar arithmetic on UTC instants, matching what the SQL dialects' time buckets compute.</summary>
public static class Calendar
{
    public static DateTime StartOf(Grain grain, DateTime instant, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        var day = instant.Date;
        return grain switch
        {
            Grain.Day => day,
            Grain.Week => day.AddDays(-(((int)day.DayOfWeek - (int)weekStart + 7) % 7)),
            Grain.Month => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            Grain.Quarter => new DateTime(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Grain.Year => new DateTime(day.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
        };
    }

    public static DateTime Next(Grain grain, DateTime bucketStart) => grain switch
    {
        Grain.Day => bucketStart.AddDays(1),
        Grain.Week => bucketStart.AddDays(7),
        Grain.Month => bucketStart.AddMonths(1),
        Grain.Quarter => bucketStart.AddMonths(3),
        Grain.Year => bucketStart.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
    };

    /// <summary>
    /// The buckets that cover a period, each labelled by its calendar start and clipped to the
    /// period (a week grain over a period starting on a Wednesday begins with a short bucket).
    /// </summary>
    public static IReadOnlyList<Bucket> Buckets(Period period, Grain grain, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(period);
        var buckets = new List<Bucket>();
        for (var start = StartOf(grain, period.From, weekStart); start < period.To; start = Next(grain, start))
        {
            var from = start < period.From ? period.From : start;
            var end = Next(grain, start);
            buckets.Add(new Bucket(start, new Period(from, end > period.To ? period.To : end)));
        }
        return buckets;
    }

    public static Grain ParseGrain(string text) => text.Trim().ToLowerInvariant() switch
    {
        "day" or "daily" => Grain.Day,
        "week" or "weekly" => Grain.Week,
        "month" or "monthly" => Grain.Month,
        "quarter" or "quarterly" => Grain.Quarter,
        "year" or "yearly" => Grain.Year,
        _ => throw new UsageLensException($"grain '{text}' is not one of day, week, month, quarter, year"),
    };
}
