using UsageLens.Ingest.PostHog;

namespace UsageLens.Server.Ingestion;

/// <summary>
/// PostHog's capture API, as its SDKs send it: <c>/batch</c> (posthog-node, posthog-python), <c>/capture</c>, <c>/e</c> and
/// <c>/i/v0/e</c> (one event or a batch), with the project key as <c>api_key</c> in the body. Routing also takes the
/// trailing slash the SDKs add (<c>/batch/</c>).
/// </summary>
internal static class PostHogEndpoints
{
    private const string UnitField = "properties.unit";

    public static RouteGroupBuilder MapPostHogEndpoints(this RouteGroupBuilder group)
    {
        Map(group, "/batch", "posthog-batch", "A batch of PostHog events: {\"api_key\", \"batch\": [...]}");
        Map(group, "/capture", "posthog-capture", "One PostHog event, or a batch");
        Map(group, "/e", "posthog-e", "One PostHog event, or a batch (the browser SDK's path)");
        Map(group, "/i/v0/e", "posthog-i-v0-e", "One PostHog event, or a batch (the ingestion path of recent SDKs)");
        return group;
    }

    private static void Map(RouteGroupBuilder group, string path, string name, string summary)
    {
        group.MapPost(path, (HttpContext context, IngestRequests requests, ServerOptions options) =>
                requests.AcceptAsync(context, (body, receivedAt) => PostHogReader.Read(body, options.PostHogAccountGroup, receivedAt, options.MaxCallBytes), UnitField))
            .WithName(name)
            .WithTags("PostHog")
            .WithSummary(summary)
            .WithIngestionContract(_ => true, "application/json");
    }
}
