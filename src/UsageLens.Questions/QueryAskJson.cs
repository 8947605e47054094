using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using UsageLens.Core;
using UsageLens.Questions.Contract;

namespace UsageLens.Questions;

/// <summary>
/// The JSON form of <see cref="QueryAsk"/>: snake_case keys, dates as YYYY-MM-DD, absent fields
/// left out. The parser's answers, the evaluation set and the language model's asks all use it;
/// reading refuses unknown keys and wrong types with a message naming the key.
/// </summary>
public sealed record QueryAskJson
{
    [JsonPropertyName("kpi")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kpi { get; init; }

    [JsonPropertyName("insight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Insight { get; init; }

    [JsonPropertyName("metric")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Metric { get; init; }

    [JsonPropertyName("from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    [JsonPropertyName("to")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }

    [JsonPropertyName("as_of")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AsOf { get; init; }

    [JsonPropertyName("grain")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Grain { get; init; }

    [JsonPropertyName("group_by")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? GroupBy { get; init; }

    [JsonPropertyName("where")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Where { get; init; }

    [JsonPropertyName("top")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Top { get; init; }

    [JsonPropertyName("bottom")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Bottom { get; init; }

    [JsonPropertyName("rank_by")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RankBy { get; init; }

    [JsonPropertyName("top_where")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? TopWhere { get; init; }

    [JsonPropertyName("options")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Options { get; init; }

    [JsonPropertyName("variant")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Variant { get; init; }

    [JsonPropertyName("compare_from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CompareFrom { get; init; }

    [JsonPropertyName("compare_to")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CompareTo { get; init; }

    public static QueryAskJson Of(QueryAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return new QueryAskJson
        {
            Kpi = ask.Kpi,
            Insight = ask.Insight,
            Metric = ask.Metric,
            From = Day(ask.From),
            To = Day(ask.To),
            AsOf = Day(ask.AsOf),
            Grain = ask.Grain,
            GroupBy = List(ask.GroupBy),
            Where = List(ask.Where),
            Top = ask.Top,
            Bottom = ask.Bottom,
            RankBy = ask.RankBy,
            TopWhere = List(ask.TopWhere),
            Options = List(ask.Options),
            Variant = ask.Variant,
            CompareFrom = Day(ask.CompareFrom),
            CompareTo = Day(ask.CompareTo),
        };
    }

    public static string Write(QueryAsk ask) => JsonSerializer.Serialize(Of(ask), AskJsonContext.Default.QueryAskJson);

    /// <summary>Reads one ask; <paramref name="path"/> names where it came from in messages.</summary>
    public static QueryAsk Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new UsageLensException($"{path}: an ask must be a JSON object");
        }
        var keys = AskJsonContext.Default.QueryAskJson.Properties.Select(p => p.Name).ToList();
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new UsageLensException($"{path}.{property.Name}: unknown key; an ask has {string.Join(", ", keys)}");
            }
            CheckType(property, path);
        }
        var json = element.Deserialize(AskJsonContext.Default.QueryAskJson)!;
        return new QueryAsk
        {
            Kpi = json.Kpi,
            Insight = json.Insight,
            Metric = json.Metric,
            From = Date(json.From, "from", path),
            To = Date(json.To, "to", path),
            AsOf = Date(json.AsOf, "as_of", path),
            Grain = json.Grain,
            GroupBy = json.GroupBy ?? [],
            Where = json.Where ?? [],
            Top = json.Top,
            Bottom = json.Bottom,
            RankBy = json.RankBy,
            TopWhere = json.TopWhere ?? [],
            Options = json.Options ?? [],
            Variant = json.Variant,
            CompareFrom = Date(json.CompareFrom, "compare_from", path),
            CompareTo = Date(json.CompareTo, "compare_to", path),
        };
    }

    // The serializer's own type errors name a JSON path but not what was expected, and it would
    // take [null] as a list; the contract's types are checked here so the message says both.
    private static void CheckType(JsonProperty property, string path)
    {
        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        var isList = AskJsonContext.Default.QueryAskJson.Properties.Single(p => p.Name == property.Name).PropertyType != typeof(string);
        if (isList && (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String)))
        {
            throw new UsageLensException($"{path}.{property.Name}: must be an array of strings");
        }
        if (!isList && value.ValueKind != JsonValueKind.String)
        {
            throw new UsageLensException($"{path}.{property.Name}: must be a string");
        }
    }

    private static DateOnly? Date(string? text, string name, string path)
    {
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageLensException($"{path}.{name}: '{text}' must be a date YYYY-MM-DD");
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string>? List(IReadOnlyList<string> values) => values.Count == 0 ? null : values;
}
