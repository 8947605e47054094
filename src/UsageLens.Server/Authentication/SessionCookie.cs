using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UsageLens.Core.Keys;
using UsageLens.Core.Users;
using UsageLens.Server.Ingestion;

namespace UsageLens.Server.Authentication;

/// <summary>
/// The dashboard's sign-in session: an HttpOnly, SameSite=Strict cookie whose ticket carries the same role and
/// partner claims an API key gives. A session ends after <see cref="ServerOptions.SessionIdleTimeout"/> without
/// requests, and at once when its user is deleted.
/// </summary>
internal static class SessionCookie
{
    public const string Scheme = "Session";
    public const string EitherScheme = "KeyOrSession";
    public const string CookieName = "usagelens_session";

    /// <summary>
    /// A request that names a key (Authorization header) is a key's; otherwise one with the session cookie is the
    /// session's. Anything else goes to the key scheme, which also finds Segment's <c>writeKey</c> in a body and
    /// answers the challenge as ingestion clients expect.
    /// </summary>
    public static string SchemeFor(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(CookieName)
            ? Scheme
            : ApiKeyAuthenticationHandler.SchemeName;

    public static AuthenticationBuilder AddSessionCookie(this AuthenticationBuilder builder)
    {
        builder.Services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<ServerOptions>((cookie, options) =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = options.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            // An API answers 401/403, never a redirect to a login form.
            cookie.Events.OnRedirectToLogin = context => RefuseAsync(context.Response, StatusCodes.Status401Unauthorized, "sign in at /login or send an API key");
            cookie.Events.OnRedirectToAccessDenied = context => RefuseAsync(context.Response, StatusCodes.Status403Forbidden,
                $"a user with role '{context.HttpContext.User.FindFirst(UsageLensClaims.Role)?.Value}' may not use this endpoint");
            cookie.Events.OnValidatePrincipal = StillValidAsync;
        });
        return builder.AddCookie(Scheme);
    }

    /// <summary>The principal a signed-in user's session carries.</summary>
    public static ClaimsPrincipal Principal(DashboardUser user)
    {
        var claims = new List<Claim>
        {
            new(UsageLensClaims.Email, user.Email),
            new(UsageLensClaims.Role, user.Role.Name()),
            // Ingestion limits are per caller: a user gets its own bucket, apart from every key.
            new(UsageLensClaims.KeyPrefix, "user:" + user.Email),
        };
        if (user.PartnerId is not null)
        {
            claims.Add(new Claim(UsageLensClaims.PartnerId, user.PartnerId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, UsageLensClaims.Email, UsageLensClaims.Role));
    }

    // A deleted user, or one whose role or partner changed, loses the session rather than keeping what it had.
    private static async Task StillValidAsync(CookieValidatePrincipalContext context)
    {
        var email = context.Principal?.FindFirst(UsageLensClaims.Email)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var user = email is null ? null : await users.FindAsync(email, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (user is null
            || user.Role.Name() != context.Principal!.FindFirst(UsageLensClaims.Role)?.Value
            || user.PartnerId != context.Principal.FindFirst(UsageLensClaims.PartnerId)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
        }
    }

    private static async Task RefuseAsync(HttpResponse response, int status, string error)
    {
        response.StatusCode = status;
        await response.WriteAsJsonAsync(new IngestErrorResponse(error)).ConfigureAwait(false);
    }
}
