using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using UsageLens.Core.Configuration;
using UsageLens.Core.Keys;
using UsageLens.Core.Users;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;

namespace UsageLens.Server.Sessions;

/// <summary>
/// <c>POST /api/v1/session</c> signs a dashboard user in (sets the session cookie), <c>DELETE</c> signs out, and
/// <c>GET</c> says who the caller is, whether signed in or sending an API key.
/// </summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/session").WithTags("Session");
        group.MapPost("/", SignInAsync)
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Sign in with e-mail and password; sets an HttpOnly, SameSite=Strict session cookie")
            .WithDescription("Body: {\"email\": \"...\", \"password\": \"...\"}. 401 {\"title\"} on a wrong e-mail or password; 429 with Retry-After after too many attempts from one address.")
            .ProducesCallerMistakes();
        group.MapDelete("/", (Func<HttpContext, Task<IResult>>)SignOutAsync)
            .AllowAnonymous()
            .WithSummary("Sign out (the request must send X-UsageLens-Csrf: 1 when it carries the session cookie)");
        group.MapGet("/", (HttpContext http, ServerOptions options) => TypedResults.Json(Describe(http.User, options.Configuration.Privacy), SnakeCaseJson.Options))
            .RequireAuthorization()
            .WithSummary("Who the caller is: e-mail (null for an API key), role, partner and whether personal data is masked for it");
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IUserStore users, ServerOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var email = body.Required("email");
        var password = body.Required("password");
        if (await users.VerifyAsync(email, password, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return TypedResults.Json(new SessionRefusal("the e-mail or password is wrong"), SnakeCaseJson.Options, statusCode: StatusCodes.Status401Unauthorized);
        }
        var principal = SessionCookie.Principal(user);
        await http.SignInAsync(SessionCookie.Scheme, principal).ConfigureAwait(false);
        return TypedResults.Json(Describe(principal, options.Configuration.Privacy), SnakeCaseJson.Options);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(SessionCookie.Scheme).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static SessionJson Describe(ClaimsPrincipal user, PrivacySettings privacy)
    {
        var role = user.FindFirst(UsageLensClaims.Role)?.Value ?? "";
        var masked = ApiKeyRoles.TryParse(role, out var parsed) && privacy.Masks(parsed);
        return new SessionJson(user.FindFirst(UsageLensClaims.Email)?.Value, role, user.FindFirst(UsageLensClaims.PartnerId)?.Value, masked);
    }
}
