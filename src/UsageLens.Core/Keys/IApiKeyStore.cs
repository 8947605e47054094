namespace UsageLens.Core.Keys;

/// <summary>Where a workspace keeps its API keys (hashed).</summary>
public interface IApiKeyStore
{
    /// <summary>Creates and stores a key; the returned key is the only time it is seen in clear.</summary>
    /// <exception cref="UsageLensException">The role and partner id do not fit together.</exception>
    Task<CreatedApiKey> CreateAsync(ApiKeyRole role, string? partnerId, CancellationToken cancellationToken);

    /// <summary>What the presented key grants, or <see langword="null"/> when it is not a stored key.</summary>
    Task<ApiKeyGrant?> VerifyAsync(string? presentedKey, CancellationToken cancellationToken);

    /// <summary>Every stored key, oldest first, by id (its prefix); never a secret.</summary>
    Task<IReadOnlyList<ApiKeyListing>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the key whose id (prefix) is <paramref name="id"/>; <see langword="false"/> when there is none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
