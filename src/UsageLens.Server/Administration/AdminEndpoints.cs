using UsageLens.Core;
using UsageLens.Core.Keys;
using UsageLens.Core.Users;
using UsageLens.Server.Authentication;
using UsageLens.Server.Contract;

namespace UsageLens.Server.Administration;

/// <summary>
/// <c>/api/v1/admin/users</c> and <c>/api/v1/admin/keys</c>: admins list, create and delete dashboard users and
/// API keys. A key's secret is shown once, in the answer that creates it; listings never hold one.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").RequireAuthorization(UsageLensPolicies.Admin).WithTags("Administration");
        group.MapGet("/users", async (IUserStore users, CancellationToken cancellationToken) =>
                TypedResults.Json(new { Users = (await users.ListAsync(cancellationToken).ConfigureAwait(false)).Select(UserJson) }, SnakeCaseJson.Options))
            .WithSummary("The dashboard users (admin)");
        group.MapPost("/users", CreateUserAsync)
            .WithSummary("Create a dashboard user (admin); body {\"email\", \"password\", \"role\", \"partner_id\"}")
            .ProducesCallerMistakes();
        group.MapDelete("/users/{email}", async (string email, IUserStore users, CancellationToken cancellationToken) =>
                await users.DeleteAsync(email, cancellationToken).ConfigureAwait(false)
                    ? TypedResults.NoContent()
                    : throw new UsageLensException(UsageLensErrorKind.NotFound, $"no user '{email}'"))
            .WithSummary("Delete a dashboard user (admin); their sessions end at once")
            .ProducesCallerMistakes();
        group.MapGet("/keys", async (IApiKeyStore keys, CancellationToken cancellationToken) =>
                TypedResults.Json(new { Keys = (await keys.ListAsync(cancellationToken).ConfigureAwait(false)).Select(KeyJson) }, SnakeCaseJson.Options))
            .WithSummary("The API keys by id (their public prefix), never their secrets (admin)");
        group.MapPost("/keys", CreateKeyAsync)
            .WithSummary("Create an API key (admin); body {\"role\", \"partner_id\"}; the answer's key is shown only this once")
            .ProducesCallerMistakes();
        group.MapDelete("/keys/{id}", DeleteKeyAsync)
            .WithSummary("Revoke an API key by id (admin)")
            .ProducesCallerMistakes();
        return app;
    }

    private static async Task<IResult> CreateUserAsync(HttpContext http, IUserStore users, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var role = Role(body);
        var user = await users.CreateAsync(body.Required("email"), body.Required("password"), role, body.Text("partner_id"), cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(UserJson(user), SnakeCaseJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> CreateKeyAsync(HttpContext http, IApiKeyStore keys, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var created = await keys.CreateAsync(Role(body), body.Text("partner_id"), cancellationToken).ConfigureAwait(false);
        var grant = created.Grant;
        return TypedResults.Json(new { Id = grant.Prefix, created.Key, Role = grant.Role.Name(), grant.PartnerId }, SnakeCaseJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteKeyAsync(string id, IApiKeyStore keys, KeyVerifier verifier, CancellationToken cancellationToken)
    {
        if (!await keys.DeleteAsync(id, cancellationToken).ConfigureAwait(false))
        {
            throw new UsageLensException(UsageLensErrorKind.NotFound, $"no key '{id}'");
        }
        verifier.Forget();
        return TypedResults.NoContent();
    }

    private static ApiKeyRole Role(JsonBody body)
    {
        var name = body.Required("role");
        return ApiKeyRoles.TryParse(name, out var role) ? role : throw new UsageLensException($"role: '{name}' is not one of {ApiKeyRoles.AllNames}");
    }

    private static object UserJson(DashboardUser user) => new { user.Email, Role = user.Role.Name(), user.PartnerId, user.CreatedAt };

    private static object KeyJson(ApiKeyListing key) => new { key.Id, Role = key.Role.Name(), key.PartnerId, key.CreatedAt };
}
