using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

/// <summary>PostHog's capture endpoints, with the project key in the body as PostHog's SDKs send it.</summary>
public sealed class PostHogCaptureTests
{
    private static string Batch(string key) => $$$"""
        {"api_key": "{{{key}}}", "sent_at": "2026-10-01T10:00:05Z", "batch": [
          {"event": "API Call", "distinct_id": "u-1", "uuid": "0190-a", "timestamp": "2026-10-01T10:00:00Z",
           "properties": {"quantity": 3, "unit": "requests", "endpoint": "/search", "$groups": {"company": "acme"}, "$lib": "posthog-python"}},
          {"event": "export", "distinct_id": "u-2", "uuid": "0190-b", "timestamp": "2026-10-01T12:30:00+02:00",
           "properties": {"account_id": "globex"}},
          {"event": "$feature_flag_called", "distinct_id": "u-2", "uuid": "0190-c", "properties": {"$feature_flag": "beta"}}
        ]}
        """;

    [Fact]
    public async Task A_batch_with_the_key_in_the_body_is_stored_with_group_user_and_time()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.ClientWithKey(null).PostAsync("/batch/", Json.Body(Batch(server.WriterKey)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Count("SELECT count(*) FROM events"));
        Assert.Equal(1, server.Count("SELECT count(*) FROM events WHERE id = '0190-a' AND account_id = 'acme' AND user_id = 'u-1' AND event = 'api_call' AND quantity = 3 AND unit = 'requests'"));
        Assert.Equal("""{"endpoint":"/search"}""", server.Scalar("SELECT CAST(properties AS VARCHAR) FROM events WHERE id = '0190-a'"));
        // 12:30 at +02:00 is 10:30 UTC; account_id is read into the account, not kept as a property.
        Assert.Equal(new DateTime(2026, 10, 1, 10, 30, 0), server.Scalar("SELECT timestamp FROM events WHERE id = '0190-b' AND account_id = 'globex' AND properties IS NULL"));
    }

    [Fact]
    public async Task A_resent_batch_is_stored_once()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.ClientWithKey(null);

        var first = await client.PostAsync("/batch", Json.Body(Batch(server.WriterKey)));
        var again = await client.PostAsync("/batch", Json.Body(Batch(server.WriterKey)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(2, server.Count("SELECT count(*) FROM events"));
    }

    [Theory]
    [InlineData("/capture/")]
    [InlineData("/i/v0/e/")]
    [InlineData("/e")]
    public async Task A_single_event_is_accepted_on_each_capture_path(string path)
    {
        await using var server = await RunningServer.StartAsync();
        var body = $$$$"""{"api_key": "{{{{server.WriterKey}}}}", "event": "login", "distinct_id": "u-1", "uuid": "e-1", "properties": {"$groups": {"company": "acme"}}}""";

        var response = await server.ClientWithKey(null).PostAsync(path, Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Count("SELECT count(*) FROM events WHERE id = 'e-1' AND event = 'login' AND account_id = 'acme'"));
    }

    [Fact]
    public async Task Identify_and_groupidentify_upsert_the_user_and_the_account()
    {
        await using var server = await RunningServer.StartAsync();
        var body = $$$$"""
            {"api_key": "{{{{server.WriterKey}}}}", "batch": [
              {"event": "$groupidentify", "distinct_id": "$company_acme", "uuid": "g-1",
               "properties": {"$group_type": "company", "$group_key": "acme", "$group_set": {"plan": "enterprise", "seats": 40, "industry": "retail"}}},
              {"event": "$groupidentify", "distinct_id": "$team_t1", "uuid": "g-2",
               "properties": {"$group_type": "team", "$group_key": "t1", "$group_set": {"plan": "free"}}},
              {"event": "$identify", "distinct_id": "u-1", "uuid": "i-1", "properties": {"$set": {"email": "ada@acme.test", "role": "admin"}}}
            ]}
            """;

        var response = await server.ClientWithKey(null).PostAsync("/batch/", Json.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Count("SELECT count(*) FROM accounts"));
        Assert.Equal(1, server.Count("SELECT count(*) FROM accounts WHERE account_id = 'acme' AND plan = 'enterprise' AND licensed_seats = 40 AND (traits->>'industry') = 'retail'"));
        Assert.Equal(1, server.Count("SELECT count(*) FROM users WHERE user_id = 'u-1' AND email = 'ada@acme.test' AND (traits->>'role') = 'admin'"));
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Theory]
    [InlineData("""{"event": "API Call", "uuid": "x-1", "properties": {"account_id": "acme"}}""", "distinct_id", "required: the user's distinct id")]
    [InlineData("""{"event": "API Call", "distinct_id": "u-1", "properties": {"account_id": "acme"}}""", "uuid", "required: the event's uuid that makes re-sending safe")]
    [InlineData("""{"event": "API Call", "distinct_id": "u-1", "uuid": "x-1", "timestamp": "yesterday", "properties": {"account_id": "acme"}}""", "timestamp", null)]
    [InlineData("""{"event": "API Call", "distinct_id": "u-1", "uuid": "x-1", "properties": {"account_id": "acme", "quantity": "lots"}}""", "properties.quantity", "\"lots\" is not a finite number")]
    [InlineData("""{"event": "API Call", "distinct_id": "u-9", "uuid": "x-1"}""", "properties.$groups.company", null)]
    public async Task An_invalid_event_is_answered_400_naming_the_field(string message, string field, string? reason)
    {
        await using var server = await RunningServer.StartAsync();
        var body = $$$"""{"api_key": "{{{server.WriterKey}}}", "batch": [{{{message}}}]}""";

        var response = await server.ClientWithKey(null).PostAsync("/batch/", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await Json.ReadAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        if (reason is not null)
        {
            Assert.Equal(reason, error.GetProperty("reason").GetString());
        }
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_batch_that_is_not_an_array_is_answered_400_naming_batch()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.ClientWithKey(null).PostAsync("/batch/", Json.Body($$$"""{"api_key": "{{{server.WriterKey}}}", "batch": {"event": "x"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("batch", Assert.Single((await Json.ReadAsync(response)).GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_api_key_is_answered_401()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.ClientWithKey(null).PostAsync("/batch/", Json.Body(Batch("phc_not_a_usagelens_key")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }
}
