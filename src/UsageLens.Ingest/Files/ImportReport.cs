namespace UsageLens.Ingest.Files;

/// <summary>What a committed import did.</summary>
/// <param name="RowsStored">Events newly stored, or profiles, subscription rows and answers inserted or updated.</param>
/// <param name="DuplicatesSkipped">
/// Events whose (source, id) was already stored or repeated in the import; for upserted kinds, rows
/// overridden by a later row with the same key in the same import (the last row wins).
/// </param>
public sealed record ImportReport(ImportKind Kind, IReadOnlyList<ImportedFile> Files, long RowsStored, long DuplicatesSkipped)
{
    /// <summary>Rows read across all files.</summary>
    public long RowsRead => Files.Sum(f => f.RowsRead);

    /// <summary>Whether some file had no <c>id</c> column, so its event ids are content hashes.</summary>
    public bool GeneratedIds => Files.Any(f => f.GeneratedIds);
}
