using System.Globalization;

namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>A period <c>[From, To)</c> as the reference implementations see it, with its days and calendar buckets.</summary>
internal sealed record Window(DateTime From, DateTime To)
{
    public bool Contains(DateTime instant) => instant >= From && instant < To;

    public DateOnly FirstDay => DateOnly.FromDateTime(From);

    /// <summary>The day of the period's last instant.</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(To.AddTicks(-1));

    public IReadOnlyList<DateOnly> Days =>
        Enumerable.Range(0, LastDay.DayNumber - FirstDay.DayNumber + 1).Select(FirstDay.AddDays).ToList();

    /// <summary>Calendar months touching the period, each labelled by its first day and clipped to the period.</summary>
    public IReadOnlyList<(string Label, Window Bucket)> Months()
    {
        var buckets = new List<(string, Window)>();
        for (var start = new DateTime(From.Year, From.Month, 1, 0, 0, 0, DateTimeKind.Utc); start < To; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1);
            buckets.Add((Label(start), new Window(start < From ? From : start, end > To ? To : end)));
        }
        return buckets;
    }

    /// <summary>The period before, of the same length: whole calendar months step back by months, anything else by its duration.</summary>
    public Window Previous()
    {
        var wholeMonths = From.Day == 1 && To.Day == 1 && From.TimeOfDay == TimeSpan.Zero && To.TimeOfDay == TimeSpan.Zero;
        var months = ((To.Year - From.Year) * 12) + To.Month - From.Month;
        return wholeMonths ? new Window(From.AddMonths(-months), From) : new Window(From - (To - From), From);
    }

    public static string Label(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
