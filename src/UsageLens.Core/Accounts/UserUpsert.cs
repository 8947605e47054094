namespace UsageLens.Core.Accounts;

/// <summary>Sets a user's account (when known), e-mail and creation time, and merges traits.</summary>
public sealed record UserUpsert(string UserId, string? AccountId, string? Email, DateTime? CreatedAt, string? TraitsJson);
