using System.Globalization;
using System.Text.RegularExpressions;
using UsageLens.Ingest.Files;

namespace UsageLens.Import;

/// <summary>
/// Rewords DuckDB reader errors for the user: a CSV error keeps DuckDB's line number (physical,
/// header = line 1) and gets our wording for the common causes; anything else keeps DuckDB's
/// first line without its error-class prefix.
/// </summary>
internal static partial class ReadErrors
{
    public static string Describe(ImportFile file, string duckDbMessage)
    {
        var lines = duckDbMessage.Split('\n').Select(l => l.Trim()).ToList();
        if (file.Format == FileFormat.Csv && CsvLine().Match(duckDbMessage) is { Success: true } line)
        {
            var number = long.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
            return $"{new RowLocation(file.Name, file.Format, number)}: {CsvReason(lines)}";
        }
        return ImportMessages.Unreadable(file.Name, file.Format, WithoutPrefix(lines[0]));
    }

    private static string CsvReason(List<string> lines)
    {
        // DuckDB writes: "CSV Error on Line: N", "Original Line: ...", then the reason.
        var original = lines.FindIndex(l => l.StartsWith("Original Line:", StringComparison.Ordinal));
        var reason = lines.Skip(original + 1).FirstOrDefault(l => l.Length > 0) ?? "";
        if (ColumnCount().Match(reason) is { Success: true } count)
        {
            return $"expected {count.Groups[1].Value} values but found {count.Groups[2].Value}";
        }
        if (reason.Contains("unterminated quote", StringComparison.OrdinalIgnoreCase))
        {
            return "a quoted value is not closed";
        }
        if (reason.Contains("unicode", StringComparison.OrdinalIgnoreCase))
        {
            return "the text is not valid UTF-8";
        }
        return reason.TrimEnd('.');
    }

    private static string WithoutPrefix(string line)
    {
        var colon = line.IndexOf(" Error: ", StringComparison.Ordinal);
        return (colon >= 0 ? line[(colon + " Error: ".Length)..] : line).TrimEnd('.', ' ');
    }

    [GeneratedRegex(@"CSV Error on Line: (\d+)")]
    private static partial Regex CsvLine();

    [GeneratedRegex(@"Expected Number of Columns: (\d+) Found: (\d+)")]
    private static partial Regex ColumnCount();
}
