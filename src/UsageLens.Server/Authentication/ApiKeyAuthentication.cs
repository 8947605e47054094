using Microsoft.AspNetCore.Authentication;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Authentication;

internal static class ApiKeyAuthentication
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<KeyVerifier>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
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
