using System.Text.Json.Serialization;

namespace UsageLens.Insights.Customers;

/// <summary>One NPS answer of a user of the account.</summary>
public sealed record NpsAnswer(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("comment")] string? Comment);
