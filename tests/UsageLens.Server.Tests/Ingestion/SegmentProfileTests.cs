using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

public sealed class SegmentProfileTests
{
    [Fact]
    public async Task A_track_takes_the_account_of_an_earlier_group_call_in_the_same_batch()
    {
        await using var server = await RunningServer.StartAsync();
        const string body = """
            {"batch": [
              {"type": "group", "messageId": "g-1", "userId": "u-7", "groupId": "globex", "traits": {"plan": "enterprise", "revenue": 120000, "seats": 40, "industry": "energy"}},
              {"type": "track", "messageId": "t-1", "userId": "u-7", "event": "Report Generated", "timestamp": "2026-10-02T09:00:00Z"}
            ]}
            """;

        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("globex", server.Scalar("SELECT account_id FROM events WHERE id = 't-1'"));
        Assert.Equal(1, server.Count("""
            SELECT count(*) FROM accounts WHERE account_id = 'globex' AND plan = 'enterprise'
              AND revenue = 120000 AND licensed_seats = 40 AND (traits->>'industry') = 'energy'
            """));
    }

    [Fact]
    public async Task A_track_takes_the_account_its_user_was_grouped_with_in_an_earlier_request()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Writer();
        await client.PostAsync("/v1/group", Json.Body("""{"messageId": "g-1", "userId": "u-7", "groupId": "globex"}"""));

        var response = await client.PostAsync("/v1/track", Json.Body("""{"messageId": "t-1", "userId": "u-7", "event": "export"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("globex", server.Scalar("SELECT account_id FROM events WHERE id = 't-1'"));
    }

    [Fact]
    public async Task A_track_of_a_user_never_grouped_is_refused_naming_the_user()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Writer().PostAsync("/v1/track", Json.Body("""{"messageId": "t-1", "userId": "u-9", "event": "export"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("errors")[0];
        Assert.Equal("context.groupId", error.GetProperty("field").GetString());
        Assert.Contains("'u-9'", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_upserts_the_user_and_page_and_screen_become_view_events()
    {
        await using var server = await RunningServer.StartAsync();
        const string body = """
            {"batch": [
              {"type": "identify", "messageId": "i-1", "userId": "u-1", "traits": {"email": "ada@acme.test", "createdAt": "2026-01-05T08:00:00+01:00", "title": "CTO"}},
              {"type": "page", "messageId": "p-1", "userId": "u-1", "context": {"groupId": "acme"}, "timestamp": "2026-10-01T10:00:00Z"},
              {"type": "screen", "messageId": "s-1", "userId": "u-1", "context": {"groupId": "acme"}, "timestamp": "2026-10-01T10:01:00Z"}
            ]}
            """;

        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Count("""
            SELECT count(*) FROM users WHERE user_id = 'u-1' AND email = 'ada@acme.test'
              AND created_at = TIMESTAMP '2026-01-05 07:00:00' AND (traits->>'title') = 'CTO'
            """));
        Assert.Equal("page_view,screen_view", server.Scalar("SELECT string_agg(event, ',' ORDER BY event) FROM events"));
    }
}
