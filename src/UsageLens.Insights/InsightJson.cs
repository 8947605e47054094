using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UsageLens.Insights;

/// <summary>
/// The JSON form of an <see cref="InsightResult"/>, shared by <c>usagelens insights --format json</c>
/// and <c>GET /api/v1/insights/{name}</c>: snake_case names, nulls left out, written by a
/// source-generated serializer so the shape is the records' and nothing else.
/// </summary>
public static class InsightJson
{
    // Relaxed escaping keeps the plain words readable ("weekday's", "×") in a UTF-8 response.
    private static readonly InsightJsonContext s_context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(InsightResult result) => JsonSerializer.Serialize(result, s_context.InsightResult);
}
