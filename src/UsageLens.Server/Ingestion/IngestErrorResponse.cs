using UsageLens.Ingest.Wire;

namespace UsageLens.Server.Ingestion;

/// <summary>The body of every refusal: a sentence for people and, for invalid events, one entry per problem.</summary>
internal sealed record IngestErrorResponse(string Error, IReadOnlyList<IngestProblem>? Errors = null);
