using System.Security.Claims;
using UsageLens.Core.Semantics;
using UsageLens.Server.Authentication;

namespace UsageLens.Server.Kpis;

/// <summary>The accounts an authenticated caller may see: a partner key its partner's accounts, other read keys all.</summary>
internal static class CallerScope
{
    public static AccountScope Of(ClaimsPrincipal user)
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
