using System.Text.Json.Serialization;

namespace UsageLens.Questions.LanguageModel;

/// <summary>An OpenAI-compatible chat completion request asking for a JSON object back.</summary>
internal sealed record ChatRequestJson(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("response_format")] ChatResponseFormatJson ResponseFormat,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessageJson> Messages);
