namespace UsageLens.Core.Keys;

/// <summary>
/// A stored key as administrators see it: <paramref name="Id"/> is the key's public prefix, which names it
/// without revealing it; the secret itself is never stored, so it cannot be listed.
/// </summary>
public sealed record ApiKeyListing(string Id, ApiKeyRole Role, string? PartnerId, DateTime CreatedAt);
