using System.Text;

namespace UsageLens.Ingest.Files;

/// <summary>
/// Reads the header record of a CSV file (RFC 4180 quoting, UTF-8 with or without BOM). The
/// engines read the data rows themselves; the header is read here so that duplicate and unnamed
/// columns are seen exactly as written, before any engine renames them.
/// </summary>
public static class CsvHeader
{
    /// <summary>The header's column names, or <see langword="null"/> when the file holds nothing but blank space.</summary>
    public static IReadOnlyList<string>? Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var sawAnything = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else
                {
                    inQuotes = false;
                }
                continue;
            }
            if (ch == '\n')
            {
                if (sawAnything)
                {
                    break;
                }
                continue;
            }
            if (ch == '\r')
            {
                continue;
            }
            sawAnything = true;
            if (ch == '"')
            {
                inQuotes = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }
        if (!sawAnything)
        {
            return null;
        }
        fields.Add(field.ToString());
        return fields;
    }
}
