using System.Globalization;
namespace UsageLens.Core.Kpis;

/// <summary>
/// RFC 4180 CSV: the breakdown rows when there are some, else one row with the value and its parts. Kept by hand
/// rather than CsvHelper: it writes rows of strings and numbers already formatted, which is the quoting rule plus the
/// spreadsheet-formula guard below (see ARCHITECTURE.md, "Hand-written pieces"). The CLI's <c>--format csv</c> and the
/// HTTP API's CSV exports both write through it, so a cell is escaped the same way everywhere.
/// </summary>
public static class KpiCsv
{
    /// <summary>Writes <paramref name="result"/> as CSV with a header row.</summary>
    public static void Write(TextWriter writer, KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rows is { Count: > 0 } rows)
        {
            writer.WriteLine(Line(rows[0].Keys.Select(k => k.Key).Append("value").Concat(rows[0].Parts.Select(p => p.Name))));
            foreach (var row in rows)
            {
                writer.WriteLine(Line(row.Keys.Select(k => k.Value).Append(Number(row.Value)).Concat(row.Parts.Select(p => Number(p.Value)))));
            }
            return;
        }
        string[] fixedColumns = ["kpi", "metric", "from", "to", "value", "unit", "previous"];
        writer.WriteLine(Line(fixedColumns.Concat(result.Parts.Select(p => p.Name))));
        writer.WriteLine(Line(new[]
        {
            result.Kpi,
            result.Metric,
            result.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            result.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Number(result.Value),
            result.Unit,
            Number(result.Previous?.Value),
        }.Concat(result.Parts.Select(p => Number(p.Value)))));
    }

    /// <summary>One CSV line: quoted where needed, a text cell a spreadsheet would run as a formula escaped with a leading quote.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Escape));

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string? cell)
    {
        if (cell is null)
        {
            return "";
        }
        var text = IsFormula(cell) ? "'" + cell : cell;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    // A text cell a spreadsheet would run as a formula (an account named "=HYPERLINK(...)") is written with a leading
    // quote, as OWASP advises for CSV injection; numbers ("-3.5") are left as they are, so they stay numbers.
    private static bool IsFormula(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
