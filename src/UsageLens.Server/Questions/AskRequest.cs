using System.Text.Json.Serialization;

namespace UsageLens.Server.Questions;

/// <summary>The body of <c>POST /api/v1/ask</c>: the question, and optionally what "today" is (YYYY-MM-DD).</summary>
internal sealed record AskRequest(
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("as_of")] string? AsOf);
