using UsageLens.Ingest.Files;

namespace UsageLens.Import;

/// <summary>One file of an import: its position, its name as the user gave it, and its format.</summary>
internal sealed record ImportFile(int Index, string Name, FileFormat Format)
{
    /// <summary>Where data record <paramref name="record"/> (0-based, file order) is, for messages.</summary>
    public RowLocation Locate(long record)
    {
        if (Format == FileFormat.Parquet)
        {
            return new RowLocation(Name, Format, record + 1);
        }
        // Without blank lines or multi-line values, record n is on line n + 1 (CSV: n + 2, after the header).
        var naive = Format == FileFormat.Csv ? record + 2 : record + 1;
        try
        {
            return new RowLocation(Name, Format, RecordLines.LineOf(Name, Format, record) ?? naive);
        }
        catch (IOException)
        {
            // The file went away after it was read; the naive number is the best left.
            return new RowLocation(Name, Format, naive);
        }
    }
}
