using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Querying;
using UsageLens.Core.Sql;

namespace UsageLens.Questions;

/// <summary>
/// Reads time expressions relative to <c>today</c>, as questions.md defines them: "last month" is the
/// last complete calendar month, "this month" runs from its first day to today (today excluded),
/// "last 30 days" are the 30 days before today, "last 6 months" the six complete months before this one.
/// </summary>
internal sealed class TimePhrase(DateOnly today, DayOfWeek weekStart)
{
    private static readonly string[] s_months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] s_monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly Dictionary<string, int> s_numbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12,
    };

    /// <summary>Words that only occur in time expressions, for typo suggestions.</summary>
    public static IEnumerable<string> Words => s_months.Concat(s_monthAbbreviations).Concat(s_numbers.Keys)
        .Concat(["today", "yesterday", "last", "lst", "this", "previous", "prior", "past", "current", "since", "between", "mtd", "qtd", "ytd", "wtd", "penultimate", "before"]);

    public DateOnly Today => today;

    public TimeMatch? Read(IReadOnlyList<string> t, int i)
    {
        var word = t[i];
        return word switch
        {
            "today" => new(1, today, today.AddDays(1)),
            "yesterday" => new(1, today.AddDays(-1), today),
            "mtd" or "month-to-date" => ToDate(1, Grain.Month),
            "qtd" or "quarter-to-date" => ToDate(1, Grain.Quarter),
            "ytd" or "year-to-date" => ToDate(1, Grain.Year),
            "wtd" or "week-to-date" => ToDate(1, Grain.Week),
            "this" or "current" => Unit(At(t, i + 1)) is { } unit ? ToDate(2, unit) : null,
            "last" or "lst" or "past" or "previous" or "prior" or "preceding" => Last(t, i),
            "penultimate" or "next-to-last" or "second-to-last" => Unit(At(t, i + 1)) is { } before ? Complete(2, before, 2) : null,
            "next" or "second" when At(t, i + 1) == "to" && At(t, i + 2) == "last" && Unit(At(t, i + 3)) is { } before => Complete(4, before, 2),
            "end" or "close" when At(t, i + 1) == "of" => Point(t, i, end: true),
            "start" or "beginning" when At(t, i + 1) == "of" => Point(t, i, end: false),
            "since" => Since(t, i),
            "between" => Range(t, i + 1, "and"),
            "from" => Range(t, i + 1, null),
            _ when Unit(word) is { } unit && At(t, i + 1) == "to" && At(t, i + 2) == "date" => ToDate(3, unit),
            _ => Named(t, i),
        };
    }

    // "the end of October", "end of last month", "start of Q3": the period's last (or first) day.
    private TimeMatch? Point(IReadOnlyList<string> t, int i, bool end)
    {
        var next = i + 2;
        while (At(t, next) is "the")
        {
            next++;
        }
        if (At(t, next) is null || Read(t, next) is not { } period)
        {
            return null;
        }
        var length = next - i + period.Length;
        return end ? new(length, period.To.AddDays(-1), period.To) : new(length, period.From, period.From.AddDays(1));
    }

    /// <summary>The period one <paramref name="unit"/> before [<paramref name="from"/>, <paramref name="to"/>): the same month last year for "year over year".</summary>
    public static TimeMatch ShiftBack(DateOnly from, DateOnly to, Grain unit) => Shift(0, from, to, unit);

    /// <summary>What follows "vs" or "compared to": a period relative to the one asked about, or any period.</summary>
    public TimeMatch? ReadComparison(IReadOnlyList<string> t, int i, DateOnly from, DateOnly to)
    {
        var start = i;
        while (At(t, i) is "the" or "a" or "same" or "period")
        {
            i++;
        }
        var word = At(t, i);
        if (word is "previous" or "prior" or "preceding" or "last")
        {
            if (At(t, i + 1) is "period")
            {
                return Previous(i + 2 - start, from, to);
            }
            if (Unit(At(t, i + 1)) is { } unit)
            {
                return Shift(i + 2 - start, from, to, unit);
            }
        }
        if (Unit(word) is not null && At(t, i + 1) is "last" or "previous" or "prior" or "a" && Unit(At(t, i + 2)) is { } back)
        {
            // "the same month last year": the period asked about, one unit earlier.
            return Shift(i + 3 - start, from, to, back);
        }
        if (Unit(word) is { } before && At(t, i + 1) is "before" or "earlier" or "ago" or "prior")
        {
            return Shift(i + 2 - start, from, to, before);
        }
        if (word is "year" && At(t, i + 1) is "ago")
        {
            return Shift(i + 2 - start, from, to, Grain.Year);
        }
        if (word is "before" || (word is "period" && At(t, i + 1) is "before"))
        {
            return Previous(i + (word is "before" ? 1 : 2) - start, from, to);
        }
        return Read(t, i) is { } explicitPeriod ? explicitPeriod with { Length = explicitPeriod.Length + i - start } : null;
    }

    private TimeMatch? Last(IReadOnlyList<string> t, int i)
    {
        if (Unit(At(t, i + 1)) is { } unit)
        {
            return Complete(2, unit, 1);
        }
        if (Count(At(t, i + 1)) is { } n && Unit(At(t, i + 2)) is { } units)
        {
            return LastN(3, n, units);
        }
        return null;
    }

    private TimeMatch LastN(int length, int n, Grain unit)
    {
        if (n is < 1 or > 3650)
        {
            throw new UsageLensException($"'last {n}': the count must be between 1 and 3650");
        }
        var match = unit switch
        {
            Grain.Day => new(length, today.AddDays(-n), today),
            Grain.Week => new(length, today.AddDays(-7 * n), today),
            _ => CompleteUnits(length, unit, n),
        };
        return n > 1 && unit != Grain.Day ? match with { Grain = unit.ToString().ToLowerInvariant() } : match;
    }

    private TimeMatch CompleteUnits(int length, Grain unit, int n)
    {
        var end = Start(unit, today);
        var months = unit switch { Grain.Quarter => 3, Grain.Year => 12, _ => 1 };
        return new(length, end.AddMonths(-months * n), end);
    }

    private TimeMatch? Since(IReadOnlyList<string> t, int i)
    {
        if (Date(t, i + 1, end: false) is not { } date)
        {
            return null;
        }
        return new(1 + date.Length, date.Day, date.Day < today ? today : date.Day.AddDays(1));
    }

    private TimeMatch? Range(IReadOnlyList<string> t, int i, string? separator)
    {
        if (Date(t, i, end: false) is not { } first)
        {
            return null;
        }
        var next = i + first.Length;
        if (separator is not null ? At(t, next) != separator : At(t, next) is not ("to" or "until" or "till" or "through" or "thru"))
        {
            return null;
        }
        if (Date(t, next + 1, end: true, first.Day.Year) is not { } last)
        {
            return null;
        }
        var to = last.Day.AddDays(1);
        if (to <= first.Day)
        {
            to = to.AddYears(1);
        }
        return new(1 + first.Length + 1 + last.Length, first.Day, to);
    }

    // A single date: 2026-06-01, "1 May", "May 1st", "May 1 2026", or a month ("June", the first or
    // last day of it by <paramref name="end"/>). Without a year, the latest such day not after today.
    private (int Length, DateOnly Day)? Date(IReadOnlyList<string> t, int i, bool end, int? year = null)
    {
        var word = At(t, i);
        if (word is null)
        {
            return null;
        }
        if (IsoDate(word) is { } iso)
        {
            return (1, iso);
        }
        if (DayNumber(word) is { } day && Month(At(t, i + 1)) is { } month)
        {
            return WithYear(t, i + 2, 2, month, day, year);
        }
        if (Month(word) is { } named)
        {
            if (DayNumber(At(t, i + 1)) is { } dayAfter && At(t, i + 1)!.Length <= 4)
            {
                return WithYear(t, i + 2, 2, named, dayAfter, year);
            }
            var (length, first) = WithYear(t, i + 1, 1, named, 1, year);
            return (length, end ? first.AddMonths(1).AddDays(-1) : first);
        }
        return null;
    }

    private (int Length, DateOnly Day) WithYear(IReadOnlyList<string> t, int i, int length, int month, int day, int? year)
    {
        if (Year(At(t, i)) is { } explicitYear)
        {
            return (length + 1, Day(explicitYear, month, day));
        }
        var resolved = year ?? today.Year;
        var date = Day(resolved, month, day);
        return (length, year is null && date > today ? Day(resolved - 1, month, day) : date);
    }

    private static DateOnly Day(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : throw new UsageLensException($"{year}-{month:00} has no day {day}");

    // "March", "March 2026", "Q3", "Q3 2026", "2026 Q3", "2026", "2026-06-01".
    private TimeMatch? Named(IReadOnlyList<string> t, int i)
    {
        var word = t[i];
        if (IsoDate(word) is { } iso)
        {
            return new(1, iso, iso.AddDays(1));
        }
        if (DayNumber(word) is { } day && Month(At(t, i + 1)) is { } dayMonth)
        {
            // "1 Nov", "31 October 2026": that one day.
            var (length, date) = WithYear(t, i + 2, 2, dayMonth, day, null);
            return new(length, date, date.AddDays(1));
        }
        if (Month(word) is { } monthFirst && DayNumber(At(t, i + 1)) is { } dayAfter && At(t, i + 1)!.Length <= 4 && At(t, i + 1)!.Any(char.IsDigit))
        {
            // "October 31st", "Nov 1 2026".
            var (length, date) = WithYear(t, i + 2, 2, monthFirst, dayAfter, null);
            return new(length, date, date.AddDays(1));
        }
        if (Month(word) is { } month)
        {
            return Year(At(t, i + 1)) is { } year
                ? new(2, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1))
                : Latest(1, new DateOnly(today.Year, month, 1), 1);
        }
        if (Quarter(word) is { } quarter)
        {
            return Year(At(t, i + 1)) is { } year
                ? new(2, new DateOnly(year, (3 * quarter) - 2, 1), new DateOnly(year, (3 * quarter) - 2, 1).AddMonths(3))
                : Latest(1, new DateOnly(today.Year, (3 * quarter) - 2, 1), 3);
        }
        if (Year(word) is { } yearOnly)
        {
            return Quarter(At(t, i + 1)) is { } q
                ? new(2, new DateOnly(yearOnly, (3 * q) - 2, 1), new DateOnly(yearOnly, (3 * q) - 2, 1).AddMonths(3))
                : new(1, new DateOnly(yearOnly, 1, 1), new DateOnly(yearOnly + 1, 1, 1));
        }
        return null;
    }

    // A month or quarter named without a year is the latest one that has begun; the current one runs to today.
    private TimeMatch Latest(int length, DateOnly start, int months)
    {
        if (start > today)
        {
            start = start.AddYears(-1);
        }
        var end = start.AddMonths(months);
        return new(length, start, end > today ? (today > start ? today : today.AddDays(1)) : end);
    }

    private TimeMatch ToDate(int length, Grain unit)
    {
        var start = Start(unit, today);
        return new(length, start, today > start ? today : today.AddDays(1));
    }

    private TimeMatch Complete(int length, Grain unit, int back)
    {
        var end = Start(unit, today);
        for (var step = 1; step < back; step++)
        {
            end = Start(unit, end.AddDays(-1));
        }
        return new(length, Start(unit, end.AddDays(-1)), end);
    }

    private static TimeMatch Shift(int length, DateOnly from, DateOnly to, Grain unit) => unit switch
    {
        Grain.Day => new(length, from.AddDays(-1), to.AddDays(-1)),
        Grain.Week => new(length, from.AddDays(-7), to.AddDays(-7)),
        Grain.Month => new(length, from.AddMonths(-1), to.AddMonths(-1)),
        Grain.Quarter => new(length, from.AddMonths(-3), to.AddMonths(-3)),
        _ => new(length, from.AddYears(-1), to.AddYears(-1)),
    };

    private static TimeMatch Previous(int length, DateOnly from, DateOnly to)
    {
        var previous = Period.Days(from, to).Previous();
        return new(length, DateOnly.FromDateTime(previous.From), DateOnly.FromDateTime(previous.To));
    }

    private DateOnly Start(Grain unit, DateOnly day) =>
        DateOnly.FromDateTime(Core.Querying.Calendar.StartOf(unit, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), weekStart));

    internal static Grain? Unit(string? word) => word switch
    {
        "day" or "days" => Grain.Day,
        "week" or "weeks" or "wk" or "wks" => Grain.Week,
        "month" or "months" or "mo" or "mos" or "mth" or "mths" => Grain.Month,
        "quarter" or "quarters" or "qtr" or "qtrs" => Grain.Quarter,
        "year" or "years" or "yr" or "yrs" => Grain.Year,
        _ => null,
    };

    private static int? Count(string? word) =>
        word is null ? null
        : int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : s_numbers.TryGetValue(word, out var named) ? named : null;

    private static int? DayNumber(string? word)
    {
        if (word is null)
        {
            return null;
        }
        var digits = word.EndsWith("st", StringComparison.Ordinal) || word.EndsWith("nd", StringComparison.Ordinal) || word.EndsWith("rd", StringComparison.Ordinal) || word.EndsWith("th", StringComparison.Ordinal) ? word[..^2] : word;
        return digits.Length is 1 or 2 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31 ? day : null;
    }

    internal static int? Month(string? word)
    {
        if (word is null)
        {
            return null;
        }
        var index = Array.IndexOf(s_months, word);
        if (index < 0)
        {
            index = Array.IndexOf(s_monthAbbreviations, word);
        }
        if (index < 0 && word == "sept")
        {
            index = 8;
        }
        return index < 0 ? null : index + 1;
    }

    private static int? Quarter(string? word) => word is { Length: 2 } && word[0] == 'q' && word[1] is >= '1' and <= '4' ? word[1] - '0' : null;

    // Dates are bounded as options' dates are, so no period derived from one can step past the calendar.
    private static DateOnly? IsoDate(string word)
    {
        if (!DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return null;
        }
        return iso >= CalendarDate.Earliest && iso <= CalendarDate.Latest
            ? iso
            : throw new UsageLensException($"the date {word} is outside the dates UsageLens answers for, {CalendarDate.Earliest:yyyy-MM-dd} to {CalendarDate.Latest:yyyy-MM-dd}");
    }

    private static int? Year(string? word) =>
        word is { Length: 4 } && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2099 ? year : null;

    private static string? At(IReadOnlyList<string> t, int i) => i < t.Count ? t[i] : null;
}
