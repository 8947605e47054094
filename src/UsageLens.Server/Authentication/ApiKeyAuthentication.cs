using Microsoft.AspNetCore.Authentication;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Authentication;

/// <summary>
/// API keys and dashboard sessions: a request is authenticated by one of them (see <see cref="SessionCookie.SchemeFor"/>)
/// into the same claims, so every policy treats a signed-in user like a key of the same role.
/// </summary>
internal static class ApiKeyAuthentication
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<KeyVerifier>();
        services.AddSingleton<Microsoft.AspNetCore.Authentication.IClaimsTransformation, PrivacyClaims>();
        services.AddAuthentication(SessionCookie.EitherScheme)
            .AddPolicyScheme(SessionCookie.EitherScheme, displayName: null, either => either.ForwardDefaultSelector = SessionCookie.SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null)
            .AddSessionCookie();
        services.AddAuthorizationBuilder()
            .AddPolicy(UsageLensPolicies.Ingest, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(UsageLensClaims.Role, ApiKeyRole.Writer.Name(), ApiKeyRole.Admin.Name()))
            .AddPolicy(UsageLensPolicies.Query, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(UsageLensClaims.Role, ApiKeyRole.Admin.Name(), ApiKeyRole.Analyst.Name(), ApiKeyRole.Viewer.Name(), ApiKeyRole.Partner.Name()))
            .AddPolicy(UsageLensPolicies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(UsageLensClaims.Role, ApiKeyRole.Admin.Name()));
        return services;
    }
}
