using System.Text.Json;

namespace UsageLens.Server.Tests.Reliability;

/// <summary>One operation of the server's OpenAPI document: the method, the path template, its tags, query parameters and body media type.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<string> Tags, IReadOnlyList<string> QueryParameters, string? BodyMediaType)
{
    private static readonly string[] s_ingestTags = ["Segment", "PostHog", "CloudEvents"];

    /// <summary>What the matrix expects of the operation, or <see langword="null"/> when it does not know (a new kind of write).</summary>
    public OperationKind? Kind => this switch
    {
        _ when Tags.Any(s_ingestTags.Contains) => OperationKind.Ingest,
        { Method: "GET", Path: "/healthz" or "/readyz" or "/metrics" } => OperationKind.Public,
        { Path: "/api/v1/session" } => OperationKind.Public,
        { Method: "GET" } when Path.StartsWith("/api/v1/admin/", StringComparison.Ordinal) => OperationKind.AdminRead,
        _ when Path.StartsWith("/api/v1/admin/", StringComparison.Ordinal) => OperationKind.AdminWrite,
        _ when Path.StartsWith("/api/v1/alerts", StringComparison.Ordinal) => OperationKind.AdminRead,
        // Scheduled reports: every read role lists them, a partner only those scoped to it (the workspace holds one per partner).
        { Method: "GET", Path: "/api/v1/reports" } => OperationKind.Read,
        { Method: "GET" } => OperationKind.Read,
        { Method: "POST", Path: "/api/v1/ask" } => OperationKind.Read,
        _ => null,
    };

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document.</summary>
    public static IReadOnlyList<ApiOperation> All(JsonElement document) =>
        [.. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete")
            .Select(o => Of(path.Name, o.Name.ToUpperInvariant(), o.Value)))];

    private static ApiOperation Of(string path, string method, JsonElement operation)
    {
        var tags = operation.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        var query = operation.TryGetProperty("parameters", out var p)
            ? p.EnumerateArray().Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!).ToArray()
            : [];
        var media = operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
            ? content.EnumerateObject().Select(c => c.Name).FirstOrDefault()
            : null;
        return new ApiOperation(method, path, tags, query, media);
    }
}
