namespace UsageLens.Server.Ingestion;

/// <summary>The 200 body Segment clients expect: sent only once the request is durably committed.</summary>
internal sealed record IngestAccepted(bool Success);
