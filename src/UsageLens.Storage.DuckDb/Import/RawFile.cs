namespace UsageLens.Storage.DuckDb.Import;

/// <summary>
/// A file loaded as it is into a temporary table, rows in file order (so <c>rowid</c> is the record
/// number). CSV and Parquet tables have one column per file column, renamed <c>c0</c>, <c>c1</c>...
/// when selected; JSON Lines tables have one <c>json</c> column.
/// </summary>
/// <param name="Header">The file's column names in order (for JSON Lines, every key seen, in order of first appearance).</param>
/// <param name="Types">The DuckDB type of each column (CSV: all VARCHAR; JSON Lines: empty).</param>
internal sealed record RawFile(ImportFile File, string Table, IReadOnlyList<string> Header, IReadOnlyList<string> Types, long Rows);
