using System.Globalization;

namespace UsageLens.Storage.ClickHouse.Migration;

/// <summary>
/// How far a copy of events has got: every day before <see cref="DoneBefore"/> is stored, and events
/// up to <see cref="WritingUntil"/> may have been stored by a block whose insert had not finished.
/// </summary>
internal sealed record ResumePoint(DateTime DoneBefore, DateTime WritingUntil)
{
    private const string Day = "yyyy-MM-dd";

    public static ResumePoint Parse(string text)
    {
        var parts = text.Split(' ');
        return new ResumePoint(ParseDay(parts[0]), ParseDay(parts[^1]));
    }

    public override string ToString() =>
        DoneBefore.ToString(Day, CultureInfo.InvariantCulture) + " " + WritingUntil.ToString(Day, CultureInfo.InvariantCulture);

    private static DateTime ParseDay(string text) =>
        DateTime.ParseExact(text, Day, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
