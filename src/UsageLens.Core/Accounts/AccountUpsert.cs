namespace UsageLens.Core.Accounts;

/// <summary>
/// Sets the given fields of an account and merges <see cref="TraitsJson"/> into its traits.
/// Fields absent from <see cref="Fields"/> keep their stored value, which is how a Segment
/// <c>group</c> call that only names a plan must behave.
/// </summary>
public sealed record AccountUpsert(string AccountId, IReadOnlyDictionary<AccountField, object?> Fields, string? TraitsJson);
