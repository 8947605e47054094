using System.Security.Claims;
using UsageLens.Core.Semantics;
using UsageLens.Server.Authentication;

namespace UsageLens.Server.Kpis;

/// <summary>
/// The accounts an authenticated caller may see (a partner its partner's accounts, other read roles all) and
/// whether people's e-mails and names are masked for it (see <see cref="PrivacyClaims"/>).
/// </summary>
internal static class CallerScope
{
    public static AccountScope Of(ClaimsPrincipal user)
    {
        var scope = Accounts(user);
        return user.HasClaim(UsageLensClaims.PiiMasked, "true")
            ? scope.MaskingPii(user.FindAll(UsageLensClaims.PiiTrait).Select(c => c.Value))
            : scope;
    }

    private static AccountScope Accounts(ClaimsPrincipal user)
    {
        var partner = user.FindFirst(UsageLensClaims.PartnerId)?.Value;
        if (partner is not null)
        {
            return AccountScope.Partner(partner);
        }
        // A partner key without a partner would otherwise read everything: refuse to widen.
        return user.FindFirst(UsageLensClaims.Role)?.Value == "partner"
            ? throw new InvalidOperationException("a partner key carries no partner id")
            : AccountScope.All;
    }
}
