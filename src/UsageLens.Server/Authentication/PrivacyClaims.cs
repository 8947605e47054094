using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Authentication;

/// <summary>
/// Marks a caller whose role the workspace's <c>privacy.mask_pii_for</c> names, with the personal traits to mask,
/// whichever way it authenticated, so <see cref="Kpis.CallerScope"/> can put the masking on the scope every
/// query is planned with.
/// </summary>
internal sealed class PrivacyClaims(ServerOptions options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var privacy = options.Configuration.Privacy;
        if (principal.HasClaim(c => c.Type == UsageLensClaims.PiiMasked)
            || !ApiKeyRoles.TryParse(principal.FindFirst(UsageLensClaims.Role)?.Value, out var role) || !privacy.Masks(role))
        {
            return Task.FromResult(principal);
        }
        var claims = new List<Claim> { new(UsageLensClaims.PiiMasked, "true") };
        claims.AddRange(privacy.PiiTraits.Select(t => new Claim(UsageLensClaims.PiiTrait, t)));
        principal.AddIdentity(new ClaimsIdentity(claims));
        return Task.FromResult(principal);
    }
}
