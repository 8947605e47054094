using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using UsageLens.Server.Ingestion;
using UsageLens.Server.RequestBodies;
using UsageLens.Core.Keys;

namespace UsageLens.Server.Authentication;

/// <summary>Authenticates a request by its API key and turns the key's grant into claims.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KeyVerifier keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey.From(Request, Context.Features.Get<BufferedRequestBody>()?.Bytes);
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }
        if (await keys.VerifyAsync(presented, Context.RequestAborted).ConfigureAwait(false) is not { } grant)
        {
            return AuthenticateResult.Fail("unknown API key");
        }
        var claims = new List<Claim>
        {
            new(UsageLensClaims.Role, grant.Role.Name()),
            new(UsageLensClaims.KeyPrefix, grant.Prefix),
        };
        if (grant.PartnerId is not null)
        {
            claims.Add(new Claim(UsageLensClaims.PartnerId, grant.PartnerId));
        }
        var identity = new ClaimsIdentity(claims, SchemeName, UsageLensClaims.KeyPrefix, UsageLensClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // A page's own script (fetch sends Sec-Fetch-Mode) gets no Basic challenge: the browser would hold the
        // request on a password dialog instead of letting the dashboard show its sign-in and key form.
        if (Request.Headers["Sec-Fetch-Mode"].FirstOrDefault() is null or "navigate")
        {
            Response.Headers.WWWAuthenticate = "Basic realm=\"UsageLens\"";
        }
        var error = result.Failure is null
            ? "an API key is required: send it as the HTTP Basic user name, as a Bearer token, or as writeKey in the body"
            : "the API key is not known to this workspace";
        await Response.WriteAsJsonAsync(new IngestErrorResponse(error)).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirst(UsageLensClaims.Role)?.Value;
        await Response.WriteAsJsonAsync(new IngestErrorResponse($"a key with role '{role}' may not use this endpoint")).ConfigureAwait(false);
    }
}
