using System.Globalization;
using System.Text.Json;

namespace UsageLens.Storage.ClickHouse.Http;

/// <summary>
/// A JSONCompact result turned into the CLR values the DuckDB store returns for the same query:
/// text as string, integers as long, floats as double, DateTime and Date as DateTime.
/// </summary>
internal sealed record ClickHouseRows(IReadOnlyList<string> Types, IReadOnlyList<object?[]> Rows)
{
    public static ClickHouseRows Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var types = root.GetProperty("meta").EnumerateArray().Select(m => m.GetProperty("type").GetString()!).ToList();
        var rows = new List<object?[]>();
        foreach (var row in root.GetProperty("data").EnumerateArray())
        {
            var values = new object?[types.Count];
            var i = 0;
            foreach (var cell in row.EnumerateArray())
            {
                values[i] = Value(cell, types[i]);
                i++;
            }
            rows.Add(values);
        }
        return new ClickHouseRows(types, rows);
    }

    private static object? Value(JsonElement cell, string type)
    {
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var bare = Unwrap(type);
        return bare switch
        {
            "String" or "FixedString" => cell.GetString(),
            "Float32" or "Float64" => cell.ValueKind == JsonValueKind.String ? double.Parse(cell.GetString()!, CultureInfo.InvariantCulture) : cell.GetDouble(),
            "UInt64" => cell.ValueKind == JsonValueKind.String ? (long)ulong.Parse(cell.GetString()!, CultureInfo.InvariantCulture) : (long)cell.GetUInt64(),
            _ when bare.StartsWith("Int", StringComparison.Ordinal) || bare.StartsWith("UInt", StringComparison.Ordinal) =>
                cell.ValueKind == JsonValueKind.String ? long.Parse(cell.GetString()!, CultureInfo.InvariantCulture) : cell.GetInt64(),
            "DateTime" => DateTime.ParseExact(cell.GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            "Date" => DateTime.ParseExact(cell.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new ClickHouseException($"ClickHouse returned a column of type {type}, which UsageLens does not read"),
        };
    }

    // Nullable(T) -> T, DateTime('UTC') -> DateTime, FixedString(16) -> FixedString, LowCardinality(T) -> T.
    private static string Unwrap(string type)
    {
        foreach (var wrapper in new[] { "Nullable(", "LowCardinality(" })
        {
            if (type.StartsWith(wrapper, StringComparison.Ordinal))
            {
                return Unwrap(type[wrapper.Length..^1]);
            }
        }
        var paren = type.IndexOf('(', StringComparison.Ordinal);
        return paren >= 0 ? type[..paren] : type;
    }
}
