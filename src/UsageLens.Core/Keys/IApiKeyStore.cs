namespace UsageLens.Core.Keys;

/// <summary>Where a workspace keeps its API keys (hashed).</summary>
public interface IApiKeyStore
{
    /// <summary>Creates and stores a key; the returned key is the only time it is seen in clear.</summary>
    /// <exception cref="UsageLensException">The role and partner id do not fit together.</exception>
    Task<CreatedApiKey> CreateAsync(ApiKeyRole role, string? partnerId, CancellationToken cancellationToken);

    /// <summary>What the presented key grants, or <see langword="null"/> when it is not a stored key.</summary>
    Task<ApiKeyGrant?> VerifyAsync(string? presentedKey, CancellationToken cancellationToken);
}
