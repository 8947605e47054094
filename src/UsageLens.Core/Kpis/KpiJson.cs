using System.Globalization;
using System.Text.Json;

namespace UsageLens.Core.Kpis;

/// <summary>The JSON form of a KPI result, as cli.md specifies it; the CLI and the HTTP API both write it.</summary>
public static class KpiJson
{
    public static void Write(Utf8JsonWriter writer, KpiResult result, bool includeSql = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("kpi", result.Kpi);
        if (result.Metric is not null)
        {
            writer.WriteString("metric", result.Metric);
        }
        writer.WriteString("from", Instant(result.Period.From));
        writer.WriteString("to", Instant(result.Period.To));
        WriteNumber(writer, "value", result.Value);
        writer.WriteString("unit", result.Unit);
        WriteParts(writer, result.Parts);
        if (result.Previous is { } previous)
        {
            writer.WriteStartObject("previous");
            writer.WriteString("from", Instant(previous.Period.From));
            writer.WriteString("to", Instant(previous.Period.To));
            WriteNumber(writer, "value", previous.Value);
            WriteParts(writer, previous.Parts);
            writer.WriteEndObject();
        }
        if (result.Accounts is { } accounts)
        {
            writer.WriteStartArray("accounts");
            foreach (var account in accounts)
            {
                writer.WriteStringValue(account);
            }
            writer.WriteEndArray();
        }
        if (result.Rows is { } rows)
        {
            writer.WriteStartArray("rows");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                foreach (var (key, value) in row.Keys)
                {
                    writer.WriteString(key, value);
                }
                WriteNumber(writer, "value", row.Value);
                WriteParts(writer, row.Parts);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (includeSql)
        {
            writer.WriteStartArray("sql");
            foreach (var sql in result.Sql)
            {
                writer.WriteStringValue(sql);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    public static string Serialize(KpiResult result, bool includeSql = false, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, result, includeSql);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteParts(Utf8JsonWriter writer, IReadOnlyList<KpiPart> parts)
    {
        if (parts.Count == 0)
        {
            return;
        }
        writer.WriteStartObject("parts");
        foreach (var part in parts)
        {
            WriteNumber(writer, part.Name, part.Value);
        }
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Instant(DateTime instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
