using System.Globalization;
using System.Text.Json;

namespace UsageLens.Ingest.Wire;

/// <summary>
/// Typed reads of one JSON message by dotted path (<c>properties.quantity</c>). A value of the wrong
/// kind is recorded as a problem naming the message index and path, and read as absent.
/// </summary>
internal sealed class MessageFields(JsonElement message, int index, List<IngestProblem> problems)
{
    public int Index => index;

    public JsonElement Message => message;

    public void Problem(string field, string reason) => problems.Add(new IngestProblem(index, field, reason));

    /// <summary>
    /// Whether the message of a batch is a JSON object of at most <paramref name="maxBytes"/>; otherwise a problem is
    /// recorded, calling it a <paramref name="noun"/> and the limit one per <paramref name="limitUnit"/>.
    /// </summary>
    public bool IsObjectWithin(int maxBytes, string noun, string limitUnit)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            Problem("", $"a {noun} must be a JSON object");
            return false;
        }
        var size = System.Text.Encoding.UTF8.GetByteCount(message.GetRawText());
        if (size > maxBytes)
        {
            Problem("", $"the {noun} is {size} bytes, over the {maxBytes}-byte limit per {limitUnit}");
            return false;
        }
        return true;
    }

    /// <summary>The value at <paramref name="path"/>, or <see langword="null"/> when missing or JSON null.</summary>
    public JsonElement? Find(string path)
    {
        var current = message;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    /// <summary>A string (numbers are accepted as their text, as Segment ids may be numeric); empty reads as absent.</summary>
    public string? Text(string path)
    {
        switch (Find(path))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } value:
                return value.GetString() is { Length: > 0 } text ? text : null;
            case { ValueKind: JsonValueKind.Number } value:
                return value.GetRawText();
            default:
                Problem(path, "must be a string");
                return null;
        }
    }

    public string? RequiredText(string path, string meaning)
    {
        var known = problems.Count;
        var text = Text(path);
        if (text is null && problems.Count == known)
        {
            Problem(path, $"required: {meaning}");
        }
        return text;
    }

    public DateTimeOffset? Timestamp(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(path, "must be an ISO 8601 timestamp string with a UTC offset");
            return null;
        }
        if (!IsoTimestamp.TryParse(value.GetString()!, out var parsed, out var reason))
        {
            Problem(path, reason);
            return null;
        }
        return parsed;
    }

    /// <summary>A finite number; numeric strings are accepted because OpenMeter clients send quantities as strings.</summary>
    public double? Number(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => double.NaN,
        };
        if (!double.IsFinite(parsed))
        {
            Problem(path, $"{Shown(value)} is not a finite number");
            return null;
        }
        return parsed;
    }

    public int? WholeNumber(string path)
    {
        if (Number(path) is not { } number)
        {
            return null;
        }
        if (number != Math.Floor(number) || number < int.MinValue || number > int.MaxValue)
        {
            Problem(path, $"{number.ToString(CultureInfo.InvariantCulture)} is not a whole number");
            return null;
        }
        return (int)number;
    }

    public bool? Flag(string path)
    {
        switch (Find(path))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.True }:
                return true;
            case { ValueKind: JsonValueKind.False }:
                return false;
            case { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var flag):
                return flag;
            case { } value:
                Problem(path, $"{Shown(value)} is not true or false");
                return null;
        }
    }

    /// <summary>The object at <paramref name="path"/>; any other kind of value is a problem.</summary>
    public JsonElement? Object(string path)
    {
        var value = Find(path);
        if (value is { ValueKind: not JsonValueKind.Object })
        {
            Problem(path, "must be a JSON object");
            return null;
        }
        return value;
    }

    private static string Shown(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "...";
    }
}
