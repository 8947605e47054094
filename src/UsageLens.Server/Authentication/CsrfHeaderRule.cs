namespace UsageLens.Server.Authentication;

/// <summary>
/// A request that changes something on the strength of the session cookie must carry <c>X-UsageLens-Csrf: 1</c>.
/// A cross-site form cannot set a custom header, and a cross-site script cannot without a CORS preflight this
/// server never grants, so the header proves the request came from the dashboard itself. API-key requests
/// carry their credential explicitly and need no such proof.
/// </summary>
internal sealed class CsrfHeaderRule(RequestDelegate next)
{
    public const string Header = "X-UsageLens-Csrf";

    public async Task InvokeAsync(HttpContext context)
    {
        var bySession = context.User.Identity is { IsAuthenticated: true, AuthenticationType: SessionCookie.Scheme };
        if (bySession && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers[Header] != "1")
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new Ingestion.IngestErrorResponse($"a signed-in request that changes something must send the header {Header}: 1")).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }
}
