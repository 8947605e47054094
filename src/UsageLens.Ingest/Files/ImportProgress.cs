namespace UsageLens.Ingest.Files;

/// <summary>A file reached <paramref name="Phase"/>; one progress task per file suits a progress bar.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="FileIndex">Zero-based position of the file in the command.</param>
/// <param name="Rows">Rows read from the file so far (0 while reading).</param>
public sealed record ImportProgress(string File, int FileIndex, int FileCount, ImportPhase Phase, long Rows);
