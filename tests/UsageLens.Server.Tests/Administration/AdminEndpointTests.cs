using System.Net;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Administration;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task Keys_are_listed_by_prefix_without_secrets_and_a_revoked_key_stops_working()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = server.ClientWithBearer(server.AdminKey);

        var created = await admin.PostAsync("/api/v1/admin/keys", Json.Body("""{"role": "partner", "partner_id": "p-9"}"""));
        var key = await Json.ReadAsync(created);
        var secret = key.GetProperty("key").GetString()!;
        var before = await server.ClientWithBearer(secret).GetAsync(new Uri("/api/v1/session", UriKind.Relative));
        var listing = await admin.GetStringAsync(new Uri("/api/v1/admin/keys", UriKind.Relative));
        var revoke = await admin.DeleteAsync(new Uri("/api/v1/admin/keys/" + secret[..11], UriKind.Relative));
        var after = await server.ClientWithBearer(secret).GetAsync(new Uri("/api/v1/session", UriKind.Relative));
        var again = await admin.DeleteAsync(new Uri("/api/v1/admin/keys/" + secret[..11], UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((secret[..11], "partner", "p-9"), (key.GetProperty("id").GetString(), key.GetProperty("role").GetString(), key.GetProperty("partner_id").GetString()));
        // The server's own three keys and the new one; no secret appears in the listing.
        var keys = System.Text.Json.JsonDocument.Parse(listing).RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(4, keys.Count);
        Assert.Equal(["writer", "analyst", "admin", "partner"], keys.Select(k => k.GetProperty("role").GetString()));
        Assert.All(keys, k => Assert.Equal(["id", "role", "partner_id", "created_at"], k.EnumerateObject().Select(p => p.Name)));
        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(server.AdminKey, listing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Admins_create_list_and_delete_users_who_can_then_sign_in()
    {
        await using var server = await RunningServer.StartAsync();
        var admin = server.ClientWithBearer(server.AdminKey);

        var created = await admin.PostAsync("/api/v1/admin/users", Json.Body("""{"email": "Vi@Example.com", "password": "long enough", "role": "viewer", "partner_id": null}"""));
        var duplicate = await admin.PostAsync("/api/v1/admin/users", Json.Body("""{"email": "vi@example.com", "password": "long enough", "role": "viewer"}"""));
        var badRole = await admin.PostAsync("/api/v1/admin/users", Json.Body("""{"email": "x@example.com", "password": "long enough", "role": "root"}"""));
        var users = (await Json.ReadAsync(await admin.GetAsync(new Uri("/api/v1/admin/users", UriKind.Relative)))).GetProperty("users");
        var signIn = await server.ClientWithCookies(new CookieContainer()).PostAsync("/api/v1/session", Json.Body("""{"email": "vi@example.com", "password": "long enough"}"""));
        var deleted = await admin.DeleteAsync(new Uri("/api/v1/admin/users/vi@example.com", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("email: a user 'vi@example.com' already exists", (await Json.ReadAsync(duplicate)).GetProperty("detail").GetString());
        Assert.Equal("role: 'root' is not one of admin, analyst, partner, writer, viewer", (await Json.ReadAsync(badRole)).GetProperty("detail").GetString());
        var user = Assert.Single(users.EnumerateArray());
        Assert.Equal(("vi@example.com", "viewer"), (user.GetProperty("email").GetString(), user.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await server.Store.Users.ListAsync(default));
    }

    [Fact]
    public async Task Only_admins_reach_the_admin_endpoints_and_a_signed_in_admin_needs_the_csrf_header_to_change_things()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Store.Users.CreateAsync("root@example.com", "long enough", ApiKeyRole.Admin, null, default);
        var cookies = server.ClientWithCookies(new CookieContainer());
        await cookies.PostAsync("/api/v1/session", Json.Body("""{"email": "root@example.com", "password": "long enough"}"""));

        var analyst = await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri("/api/v1/admin/users", UriKind.Relative));
        var listBySession = await cookies.GetAsync(new Uri("/api/v1/admin/keys", UriKind.Relative));
        var createWithoutHeader = await cookies.PostAsync("/api/v1/admin/keys", Json.Body("""{"role": "writer"}"""));
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/keys") { Content = Json.Body("""{"role": "writer"}""") };
        withHeader.Headers.Add("X-UsageLens-Csrf", "1");
        var createWithHeader = await cookies.SendAsync(withHeader);

        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listBySession.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, createWithoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Created, createWithHeader.StatusCode);
    }
}
