using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// The counts a headline DAU/WAU/MAU or stickiness value is built from: mean DAU over the period's
/// days (null when the daily counts were not read), distinct users in the period and, when asked for, in the
/// trailing window ending on its last day. Computed from an <see cref="ActivityIndex"/> or, for a headline
/// without breakdown, by SQL aggregates.
/// </summary>
internal sealed record ActiveUserCounts(double? MeanDaily, int InPeriod, int? Trailing, int Days)
{
    /// <summary>Distinct active users per UTC day with activity, when read by SQL (empty from an index).</summary>
    public IReadOnlyDictionary<DateOnly, int> Daily { get; init; } = new Dictionary<DateOnly, int>();

    public static ActiveUserCounts Of(ActivityIndex index, Period period, int? window)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new(index.MeanDaily(period), index.In(period), window is { } n ? index.Trailing(ActivityIndex.LastDay(period), n) : null, ActivityIndex.Days(period).Count);
    }

    /// <summary>The instants whose UTC days make up the trailing window: from the window's first midnight to the period's end.</summary>
    public static Period TrailingWindow(Period period, int window)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new Period(ActivityIndex.LastDay(period).AddDays(1 - window).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), period.To);
    }

    /// <summary>The instants whose UTC days the period touches: from its first midnight to its end.</summary>
    public static Period WholeDays(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new Period(period.From.Date, period.To);
    }
}
