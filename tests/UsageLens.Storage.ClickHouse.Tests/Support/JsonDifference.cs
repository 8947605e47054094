using System.Text.Json.Nodes;

namespace UsageLens.Storage.ClickHouse.Tests.Support;

/// <summary>The first place two KPI answers differ: numbers within 1e-9 relative, everything else exactly.</summary>
internal static class JsonDifference
{
    public static string? Find(JsonNode? left, JsonNode? right, string path)
    {
        switch (left, right)
        {
            case (null, null):
                return null;
            case (JsonObject a, JsonObject b):
                return a.Select(p => p.Key).Union(b.Select(p => p.Key))
                    .Select(key => Find(a[key], b[key], $"{path}.{key}"))
                    .FirstOrDefault(d => d is not null);
            case (JsonArray a, JsonArray b):
                return a.Count != b.Count
                    ? $"{path}: {a.Count} items against {b.Count}"
                    : Enumerable.Range(0, a.Count).Select(i => Find(a[i], b[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case (JsonValue a, JsonValue b) when a.TryGetValue<double>(out var x) && b.TryGetValue<double>(out var y):
                return x == y || Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y)) ? null : $"{path}: {x} against {y}";
            default:
                return left?.ToJsonString() == right?.ToJsonString() ? null : $"{path}: {left?.ToJsonString()} against {right?.ToJsonString()}";
        }
    }
}
