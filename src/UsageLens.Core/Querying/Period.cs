namespace UsageLens.Core.Querying;

/// <summary>A half-open interval of UTC instants, <c>[From, To)</c>.</summary>
public sealed record Period
{
    // Wider than the dates options accept (CalendarDate), so that a previous period or a rolling window
    // of any accepted period fits, and far enough inside DateTime's range that stepping back cannot overflow.
    private static readonly DateTime s_earliest = new(1000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_latest = new(3000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public Period(DateTime from, DateTime to)
    {
        if (from.Kind == DateTimeKind.Local || to.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("periods are in UTC");
        }
        if (to <= from)
        {
            throw new UsageLensException($"the period must end after it starts ({Format(from)} to {Format(to)})");
        }
        if (from < s_earliest || to > s_latest)
        {
            throw new UsageLensException($"the period {Format(from)} to {Format(to)} reaches outside the years {s_earliest.Year} to {s_latest.Year - 1}");
        }
        From = DateTime.SpecifyKind(from, DateTimeKind.Utc);
        To = DateTime.SpecifyKind(to, DateTimeKind.Utc);
    }

    public DateTime From { get; }

    public DateTime To { get; }

    public static Period Days(DateOnly from, DateOnly to) =>
        new(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    /// <summary>
    /// The period just before this one, of the same length. Whole calendar months (or quarters,
    /// years) step back by the same number of months, so October compares with September rather
    /// than with the 31 days before it; anything else steps back by its exact duration.
    /// </summary>
    public Period Previous()
    {
        var months = WholeMonths();
        var length = To - From;
        // The previous period of a period reaching back near year 1 would start before it: refuse, not overflow.
        if (From - DateTime.MinValue <= length)
        {
            throw new UsageLensException($"the period {this} has no previous period of the same length");
        }
        return months > 0
            ? new Period(From.AddMonths(-months), From)
            : new Period(From - length, From);
    }

    private int WholeMonths()
    {
        if (From.Day != 1 || To.Day != 1 || From.TimeOfDay != TimeSpan.Zero || To.TimeOfDay != TimeSpan.Zero)
        {
            return 0;
        }
        return ((To.Year - From.Year) * 12) + To.Month - From.Month;
    }

    public override string ToString() => $"{Format(From)} to {Format(To)}";

    internal static string Format(DateTime instant) =>
        instant.TimeOfDay == TimeSpan.Zero
            ? instant.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : instant.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
