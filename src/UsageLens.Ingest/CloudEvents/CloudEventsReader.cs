using System.Text.Json;
using UsageLens.Core.Events;
using UsageLens.Ingest.Wire;

namespace UsageLens.Ingest.CloudEvents;

/// <summary>
/// Reads CloudEvents 1.0 in structured mode (one event, or a batch array) as metering events, the way
/// OpenMeter does: <c>id</c> + <c>source</c> dedupe, <c>type</c> is the event, <c>subject</c> the account.
/// </summary>
public static class CloudEventsReader
{
    private static readonly HashSet<string> s_dataFields = new(StringComparer.Ordinal)
    {
        "quantity", "unit", "user_id", "product", "classification",
    };

    /// <summary>Reads one event, or with <paramref name="batch"/> a JSON array of events; any invalid field becomes an <see cref="IngestProblem"/>.</summary>
    public static ParsedRequest Read(JsonElement body, bool batch, DateTimeOffset receivedAt)
    {
        var problems = new List<IngestProblem>();
        var events = new List<ParsedEvent>();
        if (batch != (body.ValueKind == JsonValueKind.Array) || body.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            var shape = batch ? "a JSON array of events (application/cloudevents-batch+json)" : "one JSON object (application/cloudevents+json)";
            return ParsedRequest.Refused(new IngestProblem(0, "", $"the body must be {shape}"));
        }
        var index = 0;
        foreach (var element in batch ? body.EnumerateArray() : Enumerable.Repeat(body, 1))
        {
            var known = problems.Count;
            if (Read(new MessageFields(element, index, problems), receivedAt) is { } usage && problems.Count == known)
            {
                events.Add(new ParsedEvent(index, usage));
            }
            index++;
        }
        return new ParsedRequest(events, [], [], problems);
    }

    private static UsageEvent? Read(MessageFields fields, DateTimeOffset receivedAt)
    {
        if (fields.Message.ValueKind != JsonValueKind.Object)
        {
            fields.Problem("", "an event must be a JSON object");
            return null;
        }
        var version = fields.RequiredText("specversion", "the CloudEvents version, 1.0");
        if (version is not null && version != "1.0")
        {
            fields.Problem("specversion", $"'{version}' is not supported; use 1.0");
        }
        var id = fields.RequiredText("id", "the event id");
        var source = fields.RequiredText("source", "the event source; id and source identify the event");
        var type = fields.RequiredText("type", "the event name");
        var account = fields.RequiredText("subject", "the account the usage is attributed to");
        var time = fields.Find("time") is null ? receivedAt : fields.Timestamp("time");
        var data = fields.Object("data");
        var quantity = fields.Number("data.quantity") ?? EventDefaults.Quantity;
        var unit = fields.Text("data.unit") ?? EventDefaults.Unit;
        var user = fields.Text("data.user_id");
        var product = fields.Text("data.product");
        var classification = fields.Text("data.classification");
        var name = type is null ? "" : EventName.Normalize(type);
        if (type is not null && name.Length == 0)
        {
            fields.Problem("type", $"'{type}' has no letters or digits");
        }
        if (id is null || source is null || type is null || account is null || time is null || name.Length == 0 || version != "1.0")
        {
            return null;
        }
        return new UsageEvent(id, source, time.Value.UtcDateTime, account, user, name, quantity, unit, product, classification,
            JsonObjects.Remaining(data, s_dataFields), name == type ? null : type);
    }
}
