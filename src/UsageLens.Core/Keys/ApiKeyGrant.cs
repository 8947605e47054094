namespace UsageLens.Core.Keys;

/// <summary>What a verified key grants. <paramref name="Prefix"/> identifies the key without revealing it (for logs and rate limits).</summary>
public sealed record ApiKeyGrant(ApiKeyRole Role, string? PartnerId, string Prefix);
