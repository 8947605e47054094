using UsageLens.Server.Authentication;
using UsageLens.Server.RateLimiting;
using UsageLens.Server.RequestBodies;

namespace UsageLens.Server.Ingestion;

/// <summary>Maps every ingestion endpoint behind the ingest policy and the per-key rate limit.</summary>
internal static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var ingestion = endpoints.MapGroup("")
            .RequireAuthorization(UsageLensPolicies.Ingest)
            .RequireRateLimiting(IngestRateLimits.Policy)
            .WithMetadata(GroupCommit.IngestEndpoint.Instance);
        ingestion.MapSegmentEndpoints();
        ingestion.MapCloudEventsEndpoints();
        ingestion.MapPostHogEndpoints();
        return endpoints;
    }

    /// <summary>Buffers the body (with the batch or per-call limit) and documents the answers every ingestion endpoint gives.</summary>
    public static RouteHandlerBuilder WithIngestionContract(this RouteHandlerBuilder endpoint, Func<HttpRequest, bool> isBatch, string contentType, params string[] moreContentTypes) =>
        endpoint
            .WithMetadata(new BufferedBodyMetadata(isBatch))
            .Accepts<System.Text.Json.JsonElement>(contentType, moreContentTypes)
            .Produces<IngestAccepted>(StatusCodes.Status200OK)
            .Produces<IngestErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<IngestErrorResponse>(StatusCodes.Status401Unauthorized)
            .Produces<IngestErrorResponse>(StatusCodes.Status403Forbidden)
            .Produces<IngestErrorResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<IngestErrorResponse>(StatusCodes.Status429TooManyRequests)
            .Produces<IngestErrorResponse>(StatusCodes.Status503ServiceUnavailable);
}
