using System.Globalization;

namespace UsageLens.Core.Querying;

/// <summary>The one date format options accept: <c>YYYY-MM-DD</c>.</summary>
public static class CalendarDate
{
    /// <summary>Parses <paramref name="text"/>, or fails with a message that names <paramref name="option"/>.</summary>
    public static DateOnly Parse(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageLensException($"{option} '{text}' is not a date in the form YYYY-MM-DD");
    }
}
