using UsageLens.Ingest.CloudEvents;

namespace UsageLens.Server.Ingestion;

/// <summary>CloudEvents metering ingestion in structured mode, compatible with OpenMeter's <c>/api/v1/events</c>.</summary>
internal static class CloudEventsEndpoints
{
    public const string SingleMediaType = "application/cloudevents+json";
    public const string BatchMediaType = "application/cloudevents-batch+json";
    private const string UnitField = "data.unit";

    public static RouteGroupBuilder MapCloudEventsEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/api/v1/events", (HttpContext context, IngestRequests requests) =>
                IsBatch(context.Request) is { } batch
                    ? requests.AcceptAsync(context, (body, receivedAt) => CloudEventsReader.Read(body, batch, receivedAt), UnitField)
                    : Task.FromResult<IResult>(TypedResults.Json(
                        new IngestErrorResponse($"Content-Type '{context.Request.ContentType}' is not a CloudEvents media type: send {SingleMediaType} (one event) or {BatchMediaType} (an array)"),
                        statusCode: StatusCodes.Status415UnsupportedMediaType)))
            .WithName("cloudevents")
            .WithTags("CloudEvents")
            .WithSummary("One CloudEvent or a batch of them; id and source identify each event")
            .WithIngestionContract(request => IsBatch(request) is true, SingleMediaType, BatchMediaType)
            .Produces<IngestErrorResponse>(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    /// <summary>Whether the media type says batch; <see langword="null"/> when it is not a CloudEvents media type.</summary>
    private static bool? IsBatch(HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        return mediaType?.ToLowerInvariant() switch
        {
            SingleMediaType => false,
            BatchMediaType => true,
            _ => null,
        };
    }
}
