using System.Globalization;
using System.Text;

namespace UsageLens.Storage.ClickHouse;

/// <summary>
/// The one place a value becomes ClickHouse SQL text. ClickHouse 18.16 has no server-side
/// parameters, so every value the planner binds is rendered here and nowhere else.
/// Strings are quoted with every quote, backslash and control character escaped, so the
/// literal always ends where this function says it does, whatever bytes the text holds.
/// </summary>
internal static class ClickHouseLiteral
{
    // 18.16 keeps DateTime as UInt32 seconds and its calendar ends with 2105; outside this range the
    // text of a literal silently wraps to another time, so it is refused instead.
    private static readonly DateTime s_lastSecond = new(2105, 12, 31, 23, 59, 59, DateTimeKind.Utc);
    private static readonly DateOnly s_firstDay = new(1970, 1, 1);
    private static readonly DateOnly s_lastDay = new(2105, 12, 31);

    public static string Render(object? value) => value switch
    {
        null => "NULL",
        string text => Quote(text),
        bool flag => flag ? "1" : "0",
        long or int or short or byte or ulong or uint or ushort or sbyte => Integer((IFormattable)value),
        double number => Float(number),
        float number => Float(number),
        decimal number => Float((double)number),
        DateTime time => DateTimeLiteral(time),
        DateTimeOffset time => DateTimeLiteral(time.UtcDateTime),
        DateOnly date => DateLiteral(date),
        _ => throw new ArgumentException($"no ClickHouse literal for a value of type {value.GetType()}", nameof(value)),
    };

    /// <summary>The first and the last second ClickHouse's DateTime holds.</summary>
    public static DateTime EarliestTime => DateTime.UnixEpoch;

    public static DateTime LatestTime => s_lastSecond;

    /// <summary>Whether ClickHouse's DateTime holds this UTC instant (whole seconds aside).</summary>
    public static bool HoldsTime(DateTime utc) => utc >= DateTime.UnixEpoch && utc < s_lastSecond.AddSeconds(1);

    /// <summary>A single-quoted string literal.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var literal = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    literal.Append(@"\\");
                    break;
                case '\'':
                    literal.Append(@"\'");
                    break;
                case < ' ' or '\u007f':
                    literal.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    literal.Append(c);
                    break;
            }
        }
        return literal.Append('\'').ToString();
    }

    // Parenthesised so that a negative number stays one operand wherever it is placed.
    private static string Integer(IFormattable value)
    {
        var text = value.ToString(null, CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? $"({text})" : text;
    }

    // 18.16 parses toFloat64('text') with a fast routine that is one unit in the last place off for
    // about one double in ten; the SQL parser reads a number literal with strtod, which is exact.
    private static string Float(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"no ClickHouse literal for the non-finite number {value}", nameof(value));
        }
        if (double.IsSubnormal(value))
        {
            return Subnormal(value);
        }
        // "R" round-trips every double exactly. A literal without '.' or an exponent would be read as an
        // integer, which turns -0 into 0; toFloat64 keeps the type Float64 wherever the literal is placed.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal)
            ? $"toFloat64({text})"
            : $"toFloat64({text}.0)";
    }

    // The parser refuses subnormal literals (strtod reports them as out of range). A subnormal is
    // m * 2^-1074 for an integer m below 2^52: m * 2^-1022 is exact and normal, and multiplying it by
    // 2^-52 gives a representable result, which IEEE multiplication returns exactly.
    private static string Subnormal(double value)
    {
        var steps = BitConverter.DoubleToInt64Bits(Math.Abs(value)) * Math.Sign(value);
        return $"(toFloat64({steps.ToString(CultureInfo.InvariantCulture)}) * 2.2250738585072014E-308 * 2.220446049250313E-16)";
    }

    private static string DateTimeLiteral(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        if (utc.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"ClickHouse DateTime holds whole seconds; {utc:O} has a fraction", nameof(time));
        }
        if (!HoldsTime(utc))
        {
            throw new ArgumentException(
                $"ClickHouse holds times from 1970-01-01 00:00:00 to 2105-12-31 23:59:59 UTC; {utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} is outside");
        }
        return $"toDateTime({Quote(utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}, 'UTC')";
    }

    private static string DateLiteral(DateOnly date)
    {
        if (date < s_firstDay || date > s_lastDay)
        {
            throw new ArgumentException($"ClickHouse holds dates from 1970-01-01 to 2105-12-31; {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside");
        }
        return $"toDate({Quote(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))})";
    }
}
