using System.Text.Json.Serialization;

namespace UsageLens.Questions.LanguageModel;

/// <summary>Source-generated serialization for the chat completion request sent to the language model.</summary>
[JsonSerializable(typeof(ChatRequestJson))]
internal sealed partial class LanguageModelJsonContext : JsonSerializerContext;
