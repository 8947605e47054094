using System.Collections.Concurrent;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Authentication;

/// <summary>
/// Verifies keys against the store and remembers the ones that verified: keys are never revoked while
/// the server runs, so a hit saves a hash and a query on every request. Misses are not remembered,
/// so a key created after start-up works at once.
/// </summary>
internal sealed class KeyVerifier(IApiKeyStore store)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, ApiKeyGrant> _verified = new(StringComparer.Ordinal);

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
