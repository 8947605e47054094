using System.Text.Json;
using UsageLens.Ingest.CloudEvents;
using UsageLens.Ingest.Wire;

namespace UsageLens.Ingest.Tests.CloudEvents;

public sealed class CloudEventsReaderTests
{
    private static readonly DateTimeOffset s_received = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static ParsedRequest Read(string json, bool batch) =>
        CloudEventsReader.Read(JsonDocument.Parse(json).RootElement, batch, s_received);

    [Fact]
    public void An_event_maps_id_source_type_subject_time_and_data()
    {
        var usage = Assert.Single(Read("""
            {"specversion": "1.0", "id": "e-1", "source": "gateway", "type": "Tokens Used", "subject": "acme", "time": "2026-10-01T10:00:00+01:00",
             "data": {"quantity": 1500, "unit": "tokens", "user_id": "u-1", "model": "small"}}
            """, batch: false).Events).Event;

        Assert.Equal(("e-1", "gateway", "acme", "u-1"), (usage.Id, usage.Source, usage.AccountId, usage.UserId));
        Assert.Equal(("tokens_used", "Tokens Used", 1500d, "tokens"), (usage.Event, usage.OriginalEvent, usage.Quantity, usage.Unit));
        Assert.Equal(new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), usage.Timestamp);
        Assert.Equal("""{"model":"small"}""", usage.PropertiesJson);
    }

    [Fact]
    public void Missing_required_attributes_are_each_reported()
    {
        var request = Read("""[{"specversion": "1.0", "type": "api_call"}, {"specversion": "1.0", "id": "e-2", "source": "s", "type": "api_call", "subject": "acme", "time": "yesterday"}]""", batch: true);

        Assert.Equal<IngestProblem>(
            [
                new(0, "id", "required: the event id"),
                new(0, "source", "required: the event source; id and source identify the event"),
                new(0, "subject", "required: the account the usage is attributed to"),
                new(1, "time", "'yesterday' is not an ISO 8601 timestamp"),
            ],
            request.Problems);
        Assert.Empty(request.Events);
    }

    [Fact]
    public void A_batch_media_type_needs_an_array()
    {
        var problem = Assert.Single(Read("""{"specversion": "1.0"}""", batch: true).Problems);

        Assert.Equal("the body must be a JSON array of events (application/cloudevents-batch+json)", problem.Reason);
    }
}
