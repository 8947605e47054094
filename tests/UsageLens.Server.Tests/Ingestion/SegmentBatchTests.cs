using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

public sealed class SegmentBatchTests
{
    private const string TwoCalls = """
        {"batch": [
          {"type": "track", "messageId": "m-1", "event": "API Call", "userId": "u-1", "timestamp": "2026-10-01T10:00:00Z",
           "context": {"groupId": "acme"}, "properties": {"quantity": 3, "unit": "requests", "endpoint": "/search"}},
          {"type": "track", "messageId": "m-2", "event": "API Call", "userId": "u-1", "timestamp": "2026-10-01T12:30:00+02:00",
           "properties": {"account_id": "acme", "quantity": 4.5, "unit": "requests"}}
        ]}
        """;

    [Fact]
    public async Task A_batch_is_answered_200_and_stored_with_normalised_names()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(TwoCalls));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("success").GetBoolean());
        Assert.Equal(2, server.Count("SELECT count(*) FROM events WHERE event = 'api_call' AND original_event = 'API Call' AND account_id = 'acme'"));
        Assert.Equal(7.5, Convert.ToDouble(server.Scalar("SELECT sum(quantity) FROM events"), System.Globalization.CultureInfo.InvariantCulture));
        // 12:30 at +02:00 is 10:30 UTC.
        Assert.Equal(new DateTime(2026, 10, 1, 10, 30, 0), server.Scalar("SELECT timestamp FROM events WHERE id = 'm-2'"));
        Assert.Equal("/search", server.Scalar("SELECT properties->>'endpoint' FROM events WHERE id = 'm-1'"));
        Assert.Equal("requests", server.Scalar("SELECT unit FROM meters WHERE event = 'api_call'"));
    }

    [Fact]
    public async Task A_resent_batch_is_answered_200_and_stored_once()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Writer();

        var first = await client.PostAsync("/v1/batch", Json.Body(TwoCalls));
        var again = await client.PostAsync("/v1/batch", Json.Body(TwoCalls));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(2, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task An_invalid_event_refuses_the_whole_request_naming_index_field_and_reason()
    {
        await using var server = await RunningServer.StartAsync();
        const string body = """
            {"batch": [
              {"type": "track", "messageId": "m-1", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "timestamp": "2026-10-01T10:00:00Z"},
              {"type": "track", "messageId": "m-2", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "timestamp": "2026-10-01T10:00:00"},
              {"type": "track", "messageId": "m-3", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "properties": {"quantity": "lots"}}
            ]}
            """;

        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal(
            [(1, "timestamp", "'2026-10-01T10:00:00' has no UTC offset"), (2, "properties.quantity", "\"lots\" is not a finite number")],
            errors);
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Theory]
    [InlineData("{\"batch\": [")]
    [InlineData("not json at all")]
    [InlineData("\u0001\u00ff garbage")]
    public async Task Malformed_json_is_answered_400_not_500(string body)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Writer().PostAsync("/v1/batch", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("the body is not valid JSON", (await Json.ReadAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_batch_without_a_batch_array_is_answered_400()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Writer().PostAsync("/v1/batch", Json.Body("""{"messages": []}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("errors")[0];
        Assert.Equal(("batch", "required: an array of messages"), (error.GetProperty("field").GetString(), error.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_unit_conflicting_with_a_stored_meter_refuses_only_that_request()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Writer();
        await client.PostAsync("/v1/batch", Json.Body(TwoCalls));

        var conflicting = await client.PostAsync("/v1/track", Json.Body("""
            {"messageId": "m-3", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "properties": {"unit": "GB"}}
            """));
        var fine = await client.PostAsync("/v1/track", Json.Body("""
            {"messageId": "m-4", "event": "api_call", "userId": "u-1", "context": {"groupId": "acme"}, "properties": {"unit": "requests"}}
            """));

        Assert.Equal(HttpStatusCode.BadRequest, conflicting.StatusCode);
        var error = (await Json.ReadAsync(conflicting)).GetProperty("errors")[0];
        Assert.Equal("unit 'GB' conflicts with unit 'requests' of event 'api_call'", error.GetProperty("reason").GetString());
        Assert.Equal("properties.unit", error.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(3, server.Count("SELECT count(*) FROM events"));
    }
}
