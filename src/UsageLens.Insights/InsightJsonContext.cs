using System.Text.Json.Serialization;

namespace UsageLens.Insights;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InsightResult))]
internal sealed partial class InsightJsonContext : JsonSerializerContext;
