using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UsageLens.Storage.ClickHouse.Ingestion;

/// <summary>
/// Properties and traits as ClickHouse 18.16 can read them. Its visitParam functions find the first
/// <c>"key":</c> anywhere in the text and expect no whitespace, so objects are written compactly with
/// every scalar top-level key before any nested value: a top-level scalar is then always found
/// before a nested key of the same name.
/// </summary>
internal static class FlatJson
{
    private static readonly JsonSerializerOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Compact(string? json) => json is null ? null : Write(JsonNode.Parse(json)?.AsObject());

    /// <summary>
    /// Event properties, which are never merged: a nested object or array is stored as a string holding
    /// its JSON text. Its keys are then escaped inside that string, so they can never be mistaken for a
    /// top-level key, and reading the property gives that JSON text, as DuckDB's json_extract_string does.
    /// </summary>
    public static string? Properties(string? json)
    {
        if (json is null || JsonNode.Parse(json)?.AsObject() is not { } properties)
        {
            return null;
        }
        var flat = new JsonObject();
        foreach (var (key, value) in properties)
        {
            flat[key] = value is JsonObject or JsonArray ? JsonValue.Create(value.ToJsonString(s_options)) : value?.DeepClone();
        }
        return Write(flat);
    }

    /// <summary>Applies an RFC 7396 merge patch to a stored object, as DuckDB's json_merge_patch does.</summary>
    public static string? MergePatch(string? stored, string? patch)
    {
        if (patch is null)
        {
            return stored;
        }
        var target = stored is null ? new JsonObject() : JsonNode.Parse(stored)!.AsObject();
        Merge(target, JsonNode.Parse(patch)!.AsObject());
        return Write(target);
    }

    /// <summary>The top-level keys of an object.</summary>
    public static IEnumerable<string> Keys(string? json) =>
        json is null ? [] : JsonNode.Parse(json)!.AsObject().Select(p => p.Key).ToList();

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject nested)
            {
                if (target[key] is not JsonObject existing)
                {
                    existing = [];
                    target[key] = existing;
                }
                Merge(existing, nested);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static string? Write(JsonObject? json)
    {
        if (json is null)
        {
            return null;
        }
        var ordered = new JsonObject();
        foreach (var (key, value) in json.OrderBy(p => p.Value is JsonObject or JsonArray ? 1 : 0))
        {
            ordered[key] = value?.DeepClone();
        }
        return ordered.ToJsonString(s_options);
    }
}
