using System.Globalization;
using System.Text.RegularExpressions;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// Names of periods relative to today. "last month" is the last complete calendar month;
/// "this month" runs from its first day to today, today excluded; "last 30 days" are the 30
/// days before today. "last 6 months" are the six complete months before this one.
/// </summary>
public static partial class RelativePeriod
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "today", "yesterday", "this-week", "last-week", "this-month", "last-month", "this-quarter",
        "last-quarter", "this-year", "last-year", "wtd", "mtd", "qtd", "ytd", "last-N-days",
        "last-N-weeks", "last-N-months",
    ];

    public static Period Resolve(string name, DateOnly today, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');
        var now = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var match = LastN().Match(key);
        if (match.Success)
        {
            if (!int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 100_000)
            {
                throw new UsageLensException($"period '{name}': the count must be between 1 and 100000");
            }
            return match.Groups[2].Value switch
            {
                "day" or "days" => new Period(now.AddDays(-n), now),
                "week" or "weeks" => new Period(now.AddDays(-7 * n), now),
                // 100,000 months reach before year 1 from any date: refuse rather than overflow.
                _ when n > 12 * (now.Year - 1) => throw new UsageLensException($"period '{name}' reaches before year 1"),
                _ => new Period(Calendar.StartOf(Grain.Month, now).AddMonths(-n), Calendar.StartOf(Grain.Month, now)),
            };
        }
        return key switch
        {
            "today" => new Period(now, now.AddDays(1)),
            "yesterday" => new Period(now.AddDays(-1), now),
            "this-week" or "wtd" or "week-to-date" => ToDate(Grain.Week, now, weekStart),
            "this-month" or "mtd" or "month-to-date" => ToDate(Grain.Month, now, weekStart),
            "this-quarter" or "qtd" or "quarter-to-date" => ToDate(Grain.Quarter, now, weekStart),
            "this-year" or "ytd" or "year-to-date" => ToDate(Grain.Year, now, weekStart),
            "last-week" => Complete(Grain.Week, now, weekStart),
            "last-month" => Complete(Grain.Month, now, weekStart),
            "last-quarter" => Complete(Grain.Quarter, now, weekStart),
            "last-year" => Complete(Grain.Year, now, weekStart),
            _ => throw new UsageLensException($"period '{name}' is not one of {string.Join(", ", Names)}"),
        };
    }

    // On the first day of a unit "this month" has no complete day yet, so it holds today.
    private static Period ToDate(Grain grain, DateTime now, DayOfWeek weekStart)
    {
        var start = Calendar.StartOf(grain, now, weekStart);
        return new Period(start, now > start ? now : now.AddDays(1));
    }

    private static Period Complete(Grain grain, DateTime now, DayOfWeek weekStart)
    {
        var end = Calendar.StartOf(grain, now, weekStart);
        var start = Calendar.StartOf(grain, end.AddDays(-1), weekStart);
        return new Period(start, end);
    }

    [GeneratedRegex("^last-(\\d+)-(days?|weeks?|months?)$", RegexOptions.CultureInvariant)]
    private static partial Regex LastN();
}
