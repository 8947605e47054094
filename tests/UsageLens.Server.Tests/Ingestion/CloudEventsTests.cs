using System.Net;
using UsageLens.Server.Tests.Support;

namespace UsageLens.Server.Tests.Ingestion;

public sealed class CloudEventsTests
{
    private const string Single = """
        {"specversion": "1.0", "id": "evt-1", "source": "billing", "type": "machine_hours", "subject": "acme",
         "time": "2026-10-01T10:00:00Z", "data": {"quantity": "2.5", "unit": "hours", "user_id": "u-1", "region": "eu"}}
        """;

    [Fact]
    public async Task A_single_cloudevent_is_stored_with_its_data()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Writer().PostAsync("/api/v1/events", Json.Body(Single, "application/cloudevents+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Count("""
            SELECT count(*) FROM events WHERE source = 'billing' AND id = 'evt-1' AND account_id = 'acme' AND user_id = 'u-1'
              AND event = 'machine_hours' AND quantity = 2.5 AND unit = 'hours' AND (properties->>'region') = 'eu'
            """));
    }

    [Fact]
    public async Task A_batch_is_deduplicated_on_id_and_source()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Writer();
        await client.PostAsync("/api/v1/events", Json.Body(Single, "application/cloudevents+json"));
        var batch = "[" + Single + ","
            + Single.Replace("\"billing\"", "\"metering\"", StringComparison.Ordinal) + ","
            + Single.Replace("evt-1", "evt-2", StringComparison.Ordinal) + "]";

        var response = await client.PostAsync("/api/v1/events", Json.Body(batch, "application/cloudevents-batch+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // evt-1/billing was stored already; evt-1/metering and evt-2/billing are new.
        Assert.Equal(3, server.Count("SELECT count(*) FROM events"));
        Assert.Equal(7.5, Convert.ToDouble(server.Scalar("SELECT sum(quantity) FROM events"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_batch_with_a_wrong_specversion_is_refused_whole()
    {
        await using var server = await RunningServer.StartAsync();
        var batch = "[" + Single + "," + Single.Replace("\"1.0\"", "\"0.3\"", StringComparison.Ordinal).Replace("evt-1", "evt-2", StringComparison.Ordinal) + "]";

        var response = await server.Writer().PostAsync("/api/v1/events", Json.Body(batch, "application/cloudevents-batch+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Json.ReadAsync(response)).GetProperty("errors")[0];
        Assert.Equal((1, "specversion", "'0.3' is not supported; use 1.0"),
            (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString(), error.GetProperty("reason").GetString()));
        Assert.Equal(0, server.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task Another_media_type_is_answered_415()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Writer().PostAsync("/api/v1/events", Json.Body(Single, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
