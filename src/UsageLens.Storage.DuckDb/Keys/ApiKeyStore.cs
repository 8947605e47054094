using System.Security.Cryptography;
using System.Text;
using UsageLens.Core;

namespace UsageLens.Storage.DuckDb.Keys;

/// <summary>
/// API keys in the workspace's <c>api_keys</c> table. Keys are 32 random bytes; only their SHA-256
/// hash is stored, so a copied workspace file does not leak usable keys.
/// </summary>
public sealed class ApiKeyStore(DuckDbWorkspace workspace, TimeProvider timeProvider)
{
    private const string KeyMark = "ul_";
    private const int PrefixLength = 11;

    /// <summary>Creates a key for <paramref name="role"/>; a partner key must name its partner, other keys must not.</summary>
    /// <exception cref="UsageLensException">The partner id is missing for a partner key or given for another role.</exception>
    public CreatedApiKey Create(ApiKeyRole role, string? partnerId)
    {
        partnerId = string.IsNullOrWhiteSpace(partnerId) ? null : partnerId.Trim();
        if (role == ApiKeyRole.Partner && partnerId is null)
        {
            throw new UsageLensException("a partner key needs a partner id");
        }
        if (role != ApiKeyRole.Partner && partnerId is not null)
        {
            throw new UsageLensException($"only partner keys carry a partner id, not {role.Name()} keys");
        }
        var key = KeyMark + Base64Url(RandomNumberGenerator.GetBytes(32));
        var grant = new ApiKeyGrant(role, partnerId, key[..PrefixLength]);
        using var connection = workspace.OpenConnection();
        DuckDbCommands.Execute(connection,
            "INSERT INTO api_keys (key_hash, prefix, role, partner_id, created_at) VALUES ($1, $2, $3, $4, $5)",
            Hash(key), grant.Prefix, role.Name(), partnerId, timeProvider.GetUtcNow().UtcDateTime);
        return new CreatedApiKey(key, grant);
    }

    /// <summary>What the presented key grants, or <see langword="null"/> when it is not a stored key.</summary>
    public ApiKeyGrant? Verify(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 200)
        {
            return null;
        }
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, "SELECT role, partner_id, prefix FROM api_keys WHERE key_hash = $1", Hash(presentedKey));
        using var reader = command.ExecuteReader();
        if (!reader.Read() || !ApiKeyRoles.TryParse(reader.GetString(0), out var role))
        {
            return null;
        }
        return new ApiKeyGrant(role, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
    }

    // The lookup is by hash, so comparing never touches the secret itself and needs no constant-time equality.
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
