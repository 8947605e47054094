using System.Text.Json.Serialization;

namespace UsageLens.Questions.LanguageModel;

/// <summary><c>{"type": "json_object"}</c>: the model must answer with one JSON object.</summary>
internal sealed record ChatResponseFormatJson([property: JsonPropertyName("type")] string Type);
