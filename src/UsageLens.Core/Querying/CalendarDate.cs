using System.Globalization;

namespace UsageLens.Core.Querying;

/// <summary>The one date format options accept: <c>YYYY-MM-DD</c>, from <see cref="Earliest"/> to <see cref="Latest"/>.</summary>
public static class CalendarDate
{
    /// <summary>
    /// The first date an option may name. Dates are bounded well inside <see cref="DateTime"/>'s range so that
    /// every period derived from them (the previous period, a rolling window) can still be computed.
    /// </summary>
    public static DateOnly Earliest { get; } = new(1900, 1, 1);

    /// <summary>The last date an option may name.</summary>
    public static DateOnly Latest { get; } = new(2199, 12, 31);

    /// <summary>Parses <paramref name="text"/>, or fails with a message that names <paramref name="option"/>.</summary>
    public static DateOnly Parse(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageLensException($"{option} '{text}' is not a date in the form YYYY-MM-DD");
        }
        return date >= Earliest && date <= Latest
            ? date
            : throw new UsageLensException($"{option} '{text}' is outside the dates UsageLens answers for, {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}");
    }
}
