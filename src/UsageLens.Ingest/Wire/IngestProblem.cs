namespace UsageLens.Ingest.Wire;

/// <summary>Why one message of a request was refused: its position, the offending field and the reason.</summary>
public sealed record IngestProblem(int Index, string Field, string Reason);
