namespace UsageLens.Core.Surveys;

/// <summary>An answer to the "how likely are you to recommend us" question, 0 to 10.</summary>
public sealed record NpsAnswer(string AccountId, string? UserId, DateTime RespondedAt, int Score, string? Comment);
