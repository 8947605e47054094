namespace UsageLens.Ingest.Files;

/// <summary>A column of a file: its zero-based position and its name after <c>--map</c>.</summary>
public sealed record SourceColumn(int Position, string Name);
