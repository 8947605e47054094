using UsageLens.Ingest.Files;

namespace UsageLens.Storage.DuckDb.Import;

/// <summary>One file of an import: its position, its name as the user gave it, and its format.</summary>
internal sealed record ImportFile(int Index, string Name, FileFormat Format)
{
    /// <summary>Where data record <paramref name="record"/> (0-based, file order) is, for messages.</summary>
    public RowLocation Locate(long record) => Format switch
    {
        FileFormat.Parquet => new RowLocation(Name, Format, record + 1),
        // Fall back to the naive count if the file changed under us since it was read.
        FileFormat.Csv => new RowLocation(Name, Format, RecordLines.LineOf(Name, Format, record) ?? record + 2),
        _ => new RowLocation(Name, Format, RecordLines.LineOf(Name, Format, record) ?? record + 1),
    };
}
