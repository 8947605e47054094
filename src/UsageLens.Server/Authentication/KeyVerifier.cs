using System.Collections.Concurrent;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Authentication;

/// <summary>
/// Verifies keys against the store and remembers the ones that verified, so a hit saves a hash and a
/// query on every request; revoking a key through the server forgets them all. Misses are not remembered,
/// so a key created after start-up works at once.
/// </summary>
internal sealed class KeyVerifier(IApiKeyStore store)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, ApiKeyGrant> _verified = new(StringComparer.Ordinal);

    /// <summary>Forgets every remembered key, after one was revoked.</summary>
    public void Forget() => _verified.Clear();

    public async Task<ApiKeyGrant?> VerifyAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (_verified.TryGetValue(presentedKey, out var known))
        {
            return known;
        }
        var grant = await store.VerifyAsync(presentedKey, cancellationToken).ConfigureAwait(false);
        if (grant is not null && _verified.Count < MaxRemembered)
        {
            _verified[presentedKey] = grant;
        }
        return grant;
    }
}
