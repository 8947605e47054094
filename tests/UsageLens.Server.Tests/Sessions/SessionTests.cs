using System.Net;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Sessions;

public sealed class SessionTests
{
    private const string TopOne = "/api/v1/kpi/top-customer-share?metric=api_call&from=2026-10-01&to=2026-11-01&top=1";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_signed_in_user_gets_an_http_only_same_site_strict_cookie_and_reads_kpis_with_it()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        await server.Store.Users.CreateAsync("Ana@Example.com", Password, ApiKeyRole.Analyst, null, default);
        var client = server.ClientWithCookies(new CookieContainer());

        var signIn = await client.PostAsync("/api/v1/session", Json.Body("""{"email": "ana@example.com", "password": "correct horse battery"}"""));
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        var json = await Json.ReadAsync(await client.GetAsync(new Uri(TopOne, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("""{"email":"ana@example.com","role":"analyst","partner_id":null,"pii_masked":false}""", await signIn.Content.ReadAsStringAsync());
        Assert.StartsWith("usagelens_session=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        // a=10, b=30, c=60: c alone is 60% of 100.
        Assert.Equal(60.0, json.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_partner_user_sees_only_its_partners_accounts_and_is_told_pii_is_masked()
    {
        await using var server = await ThreePartnerAccounts.StartAsync();
        await server.Store.Users.CreateAsync("north@partner.test", Password, ApiKeyRole.Partner, "p-north", default);
        var client = server.ClientWithCookies(new CookieContainer());

        await client.PostAsync("/api/v1/session", Json.Body("""{"email": "north@partner.test", "password": "correct horse battery"}"""));
        var who = await client.GetStringAsync(new Uri("/api/v1/session", UriKind.Relative));
        var json = await Json.ReadAsync(await client.GetAsync(new Uri(TopOne, UriKind.Relative)));

        Assert.Equal("""{"email":"north@partner.test","role":"partner","partner_id":"p-north","pii_masked":true}""", who);
        // Only a (10) and b (30): b is 75% of 40.
        Assert.Equal(75.0, json.GetProperty("value").GetDouble());
        Assert.Equal(40.0, json.GetProperty("parts").GetProperty("total_usage").GetDouble());
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_email_is_a_401_with_a_title_and_sets_no_cookie()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Store.Users.CreateAsync("ana@example.com", Password, ApiKeyRole.Analyst, null, default);
        var client = server.ClientWithCookies(new CookieContainer());

        var wrong = await client.PostAsync("/api/v1/session", Json.Body("""{"email": "ana@example.com", "password": "correct horse batter"}"""));
        var unknown = await client.PostAsync("/api/v1/session", Json.Body("""{"email": "bob@example.com", "password": "correct horse battery"}"""));
        var missing = await client.PostAsync("/api/v1/session", Json.Body("""{"email": "ana@example.com"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("""{"title":"the e-mail or password is wrong"}""", await wrong.Content.ReadAsStringAsync());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("password: is required", (await Json.ReadAsync(missing)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_session_endpoint_describes_an_api_key_caller_and_refuses_an_anonymous_one()
    {
        await using var server = await RunningServer.StartAsync();
        var viewerKey = (await server.Store.Keys.CreateAsync(ApiKeyRole.Viewer, null, default)).Key;

        var viewer = await server.ClientWithBearer(viewerKey).GetStringAsync(new Uri("/api/v1/session", UriKind.Relative));
        var anonymous = await server.ClientWithKey(null).GetAsync(new Uri("/api/v1/session", UriKind.Relative));

        Assert.Equal("""{"email":null,"role":"viewer","partner_id":null,"pii_masked":true}""", viewer);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_csrf_header_and_ends_the_session()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Store.Users.CreateAsync("ana@example.com", Password, ApiKeyRole.Analyst, null, default);
        var client = server.ClientWithCookies(new CookieContainer());
        await client.PostAsync("/api/v1/session", Json.Body("""{"email": "ana@example.com", "password": "correct horse battery"}"""));

        var withoutHeader = await client.DeleteAsync(new Uri("/api/v1/session", UriKind.Relative));
        var stillIn = await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative));
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session");
        signOut.Headers.Add("X-UsageLens-Csrf", "1");
        var withHeader = await client.SendAsync(signOut);
        var after = await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_user_ends_their_session_at_once()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Store.Users.CreateAsync("ana@example.com", Password, ApiKeyRole.Analyst, null, default);
        var client = server.ClientWithCookies(new CookieContainer());
        await client.PostAsync("/api/v1/session", Json.Body("""{"email": "ana@example.com", "password": "correct horse battery"}"""));

        await server.Store.Users.DeleteAsync("ana@example.com", default);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_are_answered_429_with_retry_after()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { SignInAttemptsPerMinute = 2 });
        var client = server.ClientWithCookies(new CookieContainer());
        var body = """{"email": "nobody@example.com", "password": "whatever1"}""";

        var first = await client.PostAsync("/api/v1/session", Json.Body(body));
        var second = await client.PostAsync("/api/v1/session", Json.Body(body));
        var third = await client.PostAsync("/api/v1/session", Json.Body(body));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], [first.StatusCode, second.StatusCode, third.StatusCode]);
        var retryAfter = int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task The_login_page_is_served_at_slash_login_with_labelled_fields_and_no_external_script()
    {
        await using var server = await RunningServer.StartAsync();

        var page = await server.ClientWithKey(null).GetStringAsync(new Uri("/login", UriKind.Relative));

        Assert.Contains("<label for=\"email\">", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">", page, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"login.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
