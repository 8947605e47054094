using UsageLens.Ingest.Segment;

namespace UsageLens.Server.Ingestion;

/// <summary>The Segment HTTP Tracking API: <c>/v1/batch</c> and the single calls.</summary>
internal static class SegmentEndpoints
{
    private const string UnitField = "properties.unit";

    public static RouteGroupBuilder MapSegmentEndpoints(this RouteGroupBuilder group)
    {
        var segment = group.MapGroup("/v1").WithTags("Segment");
        Map(segment, "/batch", SegmentCall.Batch, "A batch of track, identify, group, page and screen messages");
        Map(segment, "/track", SegmentCall.Track, "One usage event");
        Map(segment, "/identify", SegmentCall.Identify, "Upserts a user and its traits");
        Map(segment, "/group", SegmentCall.Group, "Links a user to an account and upserts the account's traits");
        Map(segment, "/page", SegmentCall.Page, "A page_view event");
        Map(segment, "/screen", SegmentCall.Screen, "A screen_view event");
        return group;
    }

    private static void Map(RouteGroupBuilder segment, string path, SegmentCall call, string summary)
    {
        segment.MapPost(path, (HttpContext context, IngestRequests requests, ServerOptions options) =>
                requests.AcceptAsync(context, (body, receivedAt) => SegmentReader.Read(body, call, receivedAt, options.MaxCallBytes), UnitField))
            .WithName($"segment-{call.ToString().ToLowerInvariant()}")
            .WithSummary(summary)
            // RudderStack's Node SDK labels its gzipped JSON application/x-www-form-urlencoded (axios's default for a buffer).
            .WithIngestionContract(_ => call == SegmentCall.Batch, "application/json", "application/x-www-form-urlencoded");
    }
}
