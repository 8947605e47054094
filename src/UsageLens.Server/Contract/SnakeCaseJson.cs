using System.Text.Json;

namespace UsageLens.Server.Contract;

/// <summary>The snake_case names of the API's own bodies (session, administration).</summary>
internal static class SnakeCaseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
