using System.Globalization;
using System.Text.Json;
using UsageLens.Core;

namespace UsageLens.Questions;

/// <summary>
/// The JSON form of <see cref="QueryAsk"/>: snake_case keys, dates as YYYY-MM-DD, absent fields
/// left out. Reading refuses unknown keys and wrong types with a message naming the key.
/// </summary>
public static class QueryAskJson
{
    private static readonly HashSet<string> s_keys =
    [
        "kpi", "insight", "metric", "from", "to", "as_of", "grain", "group_by", "where", "top", "bottom", "rank_by", "top_where", "options", "variant", "compare_from", "compare_to",
    ];

    public static string Write(QueryAsk ask)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, ask);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, QueryAsk ask)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ask);
        writer.WriteStartObject();
        Text(writer, "kpi", ask.Kpi);
        Text(writer, "insight", ask.Insight);
        Text(writer, "metric", ask.Metric);
        Date(writer, "from", ask.From);
        Date(writer, "to", ask.To);
        Date(writer, "as_of", ask.AsOf);
        Text(writer, "grain", ask.Grain);
        List(writer, "group_by", ask.GroupBy);
        List(writer, "where", ask.Where);
        Text(writer, "top", ask.Top);
        Text(writer, "bottom", ask.Bottom);
        Text(writer, "rank_by", ask.RankBy);
        List(writer, "top_where", ask.TopWhere);
        List(writer, "options", ask.Options);
        Text(writer, "variant", ask.Variant);
        Date(writer, "compare_from", ask.CompareFrom);
        Date(writer, "compare_to", ask.CompareTo);
        writer.WriteEndObject();
    }

    /// <summary>Reads one ask; <paramref name="path"/> names where it came from in messages.</summary>
    public static QueryAsk Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new UsageLensException($"{path}: an ask must be a JSON object");
        }
        foreach (var property in element.EnumerateObject())
        {
            if (!s_keys.Contains(property.Name))
            {
                throw new UsageLensException($"{path}.{property.Name}: unknown key; an ask has {string.Join(", ", s_keys)}");
            }
        }
        return new QueryAsk
        {
            Kpi = Text(element, "kpi", path),
            Insight = Text(element, "insight", path),
            Metric = Text(element, "metric", path),
            From = Date(element, "from", path),
            To = Date(element, "to", path),
            AsOf = Date(element, "as_of", path),
            Grain = Text(element, "grain", path),
            GroupBy = List(element, "group_by", path),
            Where = List(element, "where", path),
            Top = Text(element, "top", path),
            Bottom = Text(element, "bottom", path),
            RankBy = Text(element, "rank_by", path),
            TopWhere = List(element, "top_where", path),
            Options = List(element, "options", path),
            Variant = Text(element, "variant", path),
            CompareFrom = Date(element, "compare_from", path),
            CompareTo = Date(element, "compare_to", path),
        };
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Date(Utf8JsonWriter writer, string name, DateOnly? value)
    {
        if (value is { } day)
        {
            writer.WriteString(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void List(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    private static string? Text(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new UsageLensException($"{path}.{name}: must be a string");
    }

    private static DateOnly? Date(JsonElement element, string name, string path)
    {
        var text = Text(element, name, path);
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageLensException($"{path}.{name}: '{text}' must be a date YYYY-MM-DD");
    }

    private static IReadOnlyList<string> List(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new UsageLensException($"{path}.{name}: must be an array of strings");
        }
        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }
}
