namespace UsageLens.Ingest.Files;

/// <summary>
/// Where a row came from: <c>events.csv line 18</c> for text files (the CSV header is line 1),
/// <c>events.parquet row 7</c> for Parquet, which has no lines.
/// </summary>
public sealed record RowLocation(string File, FileFormat Format, long Number)
{
    public override string ToString() => Format == FileFormat.Parquet ? $"{File} row {Number}" : $"{File} line {Number}";
}
