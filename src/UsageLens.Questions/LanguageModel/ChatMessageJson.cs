using System.Text.Json.Serialization;

namespace UsageLens.Questions.LanguageModel;

/// <summary>One chat message: its role (system, user) and text.</summary>
internal sealed record ChatMessageJson(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);
