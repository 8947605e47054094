using System.Security.Cryptography;
using System.Text;

namespace UsageLens.Core.Keys;

/// <summary>
/// How keys are made and recognised, whatever engine stores them. Keys are 32 random bytes; only
/// their SHA-256 hash is stored, so a copied workspace does not leak usable keys.
/// </summary>
public static class ApiKeySecret
{
    private const string KeyMark = "ul_";
    private const int PrefixLength = 11;
    private const int MaxPresentedLength = 200;

    /// <summary>A new key for <paramref name="role"/>; a partner key must name its partner, other keys must not.</summary>
    /// <exception cref="UsageLensException">The partner id is missing for a partner key or given for another role.</exception>
    public static CreatedApiKey Create(ApiKeyRole role, string? partnerId)
    {
        partnerId = role.PartnerOf(partnerId, "key");
        var key = KeyMark + Base64Url(RandomNumberGenerator.GetBytes(32));
        return new CreatedApiKey(key, new ApiKeyGrant(role, partnerId, key[..PrefixLength]));
    }

    /// <summary>Whether a presented key is worth looking up at all.</summary>
    public static bool IsPlausible(string? presentedKey) => !string.IsNullOrEmpty(presentedKey) && presentedKey.Length <= MaxPresentedLength;

    // The lookup is by hash, so comparing never touches the secret itself and needs no constant-time equality.
    /// <summary>The stored form of a key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
