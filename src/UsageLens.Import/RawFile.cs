namespace UsageLens.Import;

/// <summary>
/// A file ready to be selected from in file order. CSV and Parquet are read straight from the file by
/// <see cref="Source"/> (a <c>read_csv</c> or <c>read_parquet</c> call whose path is parameter <c>$1</c>), with columns
/// named <c>c0</c>, <c>c1</c>...; JSON Lines is first loaded as it is into <see cref="Table"/>,
/// because its keys are only known once read.
/// </summary>
/// <param name="Source">FROM-clause text; CSV and Parquet columns are <c>c0</c>, <c>c1</c>..., JSON Lines has one <c>json</c> column.</param>
/// <param name="Table">The temporary table holding the loaded JSON Lines file, or <see langword="null"/> when <see cref="Source"/> reads the file.</param>
/// <param name="Header">The file's column names in order (for JSON Lines, every key seen, in order of first appearance).</param>
/// <param name="Types">The DuckDB type of each column (CSV: all VARCHAR; JSON Lines: empty).</param>
internal sealed record RawFile(ImportFile File, string Source, string? Table, IReadOnlyList<string> Header, IReadOnlyList<string> Types)
{
    public bool ReadsFile => Table is null;
}
