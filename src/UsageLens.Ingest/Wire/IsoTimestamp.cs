using System.Globalization;
using System.Text.RegularExpressions;

namespace UsageLens.Ingest.Wire;

/// <summary>ISO 8601 timestamps that must carry a UTC offset: a time without one is refused, never guessed.</summary>
internal static partial class IsoTimestamp
{
    public static bool TryParse(string text, out DateTimeOffset value, out string reason)
    {
        value = default;
        reason = "";
        if (!IsoShape().IsMatch(text))
        {
            reason = $"'{text}' is not an ISO 8601 timestamp";
            return false;
        }
        if (!TrailingOffset().IsMatch(text))
        {
            reason = $"'{text}' has no UTC offset";
            return false;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            reason = $"'{text}' is not a valid date and time";
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}([.,]\d{1,9})?)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex IsoShape();

    [GeneratedRegex(@"[Tt ]\d{2}:\d{2}(:\d{2}([.,]\d{1,9})?)?([Zz]|[+-]\d{2}(:?\d{2})?)$")]
    private static partial Regex TrailingOffset();
}
