namespace UsageLens.Core.Keys;

/// <summary>A newly created key. <paramref name="Key"/> is shown once: only its hash is stored.</summary>
public sealed record CreatedApiKey(string Key, ApiKeyGrant Grant);
