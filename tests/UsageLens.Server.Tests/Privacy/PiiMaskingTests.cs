using System.Net;
using System.Security.Cryptography;
using System.Text;
using UsageLens.Core.Keys;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Privacy;

/// <summary>
/// People's e-mails and names, by role: analysts see them, viewers and partners see a pseudonym ('user-' and the first
/// 8 hex digits of the MD5 of the value, computed here independently), and a masked caller cannot filter on them.
/// </summary>
public sealed class PiiMaskingTests
{
    // Accounts a and b belong to p-north, c to p-south. Ann (a) made 10 calls, Bob (b) 30, and dee@south.test,
    // whose user id is her e-mail, 60 for c.
    private const string Batch = """
        {"batch": [
          {"type": "group", "messageId": "g-a", "userId": "ua", "groupId": "a", "traits": {"partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-b", "userId": "ub", "groupId": "b", "traits": {"partner_id": "p-north"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "group", "messageId": "g-c", "userId": "dee@south.test", "groupId": "c", "traits": {"partner_id": "p-south"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "identify", "messageId": "i-a", "userId": "ua", "traits": {"email": "ann@north.test", "name": "Ann North"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "identify", "messageId": "i-b", "userId": "ub", "traits": {"email": "bob@north.test", "name": "Bob North"}, "timestamp": "2026-10-01T00:00:00Z"},
          {"type": "track", "messageId": "t-a", "userId": "ua", "event": "API Call", "properties": {"quantity": 10}, "timestamp": "2026-10-05T10:00:00Z"},
          {"type": "track", "messageId": "t-b", "userId": "ub", "event": "API Call", "properties": {"quantity": 30}, "timestamp": "2026-10-06T10:00:00Z"},
          {"type": "track", "messageId": "t-c", "userId": "dee@south.test", "event": "API Call", "properties": {"quantity": 60}, "timestamp": "2026-10-07T10:00:00Z"}
        ]}
        """;

    private const string Usage = "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01&previous=false";

    [Fact]
    public async Task An_analyst_sees_emails_and_names_while_a_viewer_and_a_partner_see_pseudonyms()
    {
        await using var server = await StartAsync();
        var viewer = (await server.Store.Keys.CreateAsync(ApiKeyRole.Viewer, null, default)).Key;
        var partner = (await server.Store.Keys.CreateAsync(ApiKeyRole.Partner, "p-north", default)).Key;

        var analystRows = await RowsAsync(server, server.AnalystKey, "email");
        var viewerRows = await RowsAsync(server, viewer, "email");
        var partnerRows = await RowsAsync(server, partner, "email");
        var viewerNames = await RowsAsync(server, viewer, "user.name");

        Assert.Equal([("ann@north.test", 10.0), ("bob@north.test", 30.0)], analystRows.Where(r => r.Key is not null));
        Assert.Equal([(Pseudonym("ann@north.test"), 10.0), (Pseudonym("bob@north.test"), 30.0)], viewerRows.Where(r => r.Key is not null).OrderBy(r => r.Value));
        Assert.Equal([(Pseudonym("ann@north.test"), 10.0), (Pseudonym("bob@north.test"), 30.0)], partnerRows.OrderBy(r => r.Value));
        Assert.Equal([(Pseudonym("Ann North"), 10.0), (Pseudonym("Bob North"), 30.0)], viewerNames.Where(r => r.Key is not null).OrderBy(r => r.Value));
    }

    [Fact]
    public async Task User_ids_that_are_emails_are_masked_and_other_ids_are_kept()
    {
        await using var server = await StartAsync();
        var viewer = (await server.Store.Keys.CreateAsync(ApiKeyRole.Viewer, null, default)).Key;

        var analystRows = await RowsAsync(server, server.AnalystKey, "user_id");
        var viewerRows = await RowsAsync(server, viewer, "user_id");

        Assert.Equal([("ua", 10.0), ("ub", 30.0), ("dee@south.test", 60.0)], analystRows.OrderBy(r => r.Value));
        Assert.Equal([("ua", 10.0), ("ub", 30.0), (Pseudonym("dee@south.test"), 60.0)], viewerRows.OrderBy(r => r.Value));
    }

    [Fact]
    public async Task A_masked_caller_cannot_filter_on_an_email_or_a_name_while_an_analyst_can()
    {
        await using var server = await StartAsync();
        var viewer = server.ClientWithBearer((await server.Store.Keys.CreateAsync(ApiKeyRole.Viewer, null, default)).Key);

        var analyst = await Json.ReadAsync(await server.ClientWithBearer(server.AnalystKey).GetAsync(new Uri(Usage + "&where=email=ann@north.test", UriKind.Relative)));
        var byEmail = await viewer.GetAsync(new Uri(Usage + "&where=email=ann@north.test", UriKind.Relative));
        var byName = await viewer.GetAsync(new Uri(Usage + "&where=user.name=Ann%20North", UriKind.Relative));
        var byEmailId = await viewer.GetAsync(new Uri(Usage + "&where=user_id=dee@south.test", UriKind.Relative));
        var byPlainId = await Json.ReadAsync(await viewer.GetAsync(new Uri(Usage + "&where=user_id=ub", UriKind.Relative)));

        Assert.Equal(10.0, analyst.GetProperty("value").GetDouble());
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [byEmail.StatusCode, byName.StatusCode, byEmailId.StatusCode]);
        Assert.Contains("masked for this caller", (await Json.ReadAsync(byEmail)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(30.0, byPlainId.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task The_customer_360_shows_a_viewer_a_pseudonym_for_an_nps_answer_from_an_email_user_id()
    {
        await using var server = await StartAsync();
        server.Scalar("INSERT INTO nps VALUES ('c', 'dee@south.test', TIMESTAMP '2026-10-07 10:00:00', 9, NULL), ('c', 'uc2', TIMESTAMP '2026-10-06 10:00:00', 7, NULL)");
        var viewer = (await server.Store.Keys.CreateAsync(ApiKeyRole.Viewer, null, default)).Key;

        var analyst = await NpsUsersAsync(server, server.AnalystKey);
        var masked = await NpsUsersAsync(server, viewer);

        Assert.Equal(["dee@south.test", "uc2"], analyst);
        Assert.Equal([Pseudonym("dee@south.test"), "uc2"], masked);
    }

    private static async Task<List<string?>> NpsUsersAsync(RunningServer server, string key)
    {
        var view = await Json.GetOkAsync(server.ClientWithBearer(key), "/api/v1/accounts/c?as_of=2026-10-08");
        return [.. view.GetProperty("nps").EnumerateArray().Select(n => n.GetProperty("user_id").GetString())];
    }

    private static async Task<RunningServer> StartAsync()
    {
        var server = await RunningServer.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.Writer().PostAsync("/v1/batch", Json.Body(Batch))).StatusCode);
        return server;
    }

    private static async Task<List<(string? Key, double Value)>> RowsAsync(RunningServer server, string key, string groupBy)
    {
        var response = await server.ClientWithBearer(key).GetAsync(new Uri($"{Usage}&group-by={groupBy}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json.ReadAsync(response);
        return [.. json.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty(groupBy).GetString(), r.GetProperty("value").GetDouble()))];
    }

    // MD5 here is the pseudonym's definition being checked, not a security measure.
#pragma warning disable CA5351
    private static string Pseudonym(string value) =>
        "user-" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value)))[..8];
#pragma warning restore CA5351
}
