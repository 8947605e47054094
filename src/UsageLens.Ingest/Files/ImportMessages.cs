namespace UsageLens.Ingest.Files;

/// <summary>
/// The wording of file-level import errors, shared by every storage engine so that the same bad
/// file gets the same message. Files are named as the user gave them.
/// </summary>
public static class ImportMessages
{
    public static string NoFiles() => "no files to import";

    public static string FileNotFound(string file) => $"{file}: file not found";

    public static string UnknownExtension(string file, string extension) => extension.Length == 0
        ? $"{file}: the file has no extension; use .csv, .jsonl, .ndjson, .json or .parquet"
        : $"{file}: unknown file type '{extension}'; use .csv, .jsonl, .ndjson, .json or .parquet";

    public static string GlobCharacters(string file) => $"{file}: file names containing *, ? or [ cannot be imported; rename the file";

    public static string Empty(string file) => $"{file}: the file is empty";

    public static string NoRows(string file, FileFormat format) => format == FileFormat.Csv
        ? $"{file}: the file has a header but no rows"
        : $"{file}: the file has no rows";

    public static string Unreadable(string file, FileFormat format, string reason) =>
        $"{file}: cannot be read as {FormatName(format)}: {reason}";

    public static string UnnamedColumn(string file, int position) => $"{file}: column {position} has no name";

    public static string MissingColumns(string file, IReadOnlyList<string> columns) => columns.Count == 1
        ? $"{file}: missing required column '{columns[0]}'"
        : $"{file}: missing required columns {string.Join(", ", columns.Select(c => $"'{c}'"))}";

    public static string DuplicateColumn(string file, string column, string? mapping) => mapping is null
        ? $"{file}: column '{column}' appears more than once"
        : $"{file}: column '{column}' appears more than once (after --map {mapping})";

    public static string MapColumnMissing(string file, string their, string our, IReadOnlyList<string> columns) =>
        $"{file}: --map {their}={our} names column '{their}', which the file does not have (its columns: {string.Join(", ", columns.Take(20))}{(columns.Count > 20 ? ", ..." : "")})";

    public static string UnitConflict(RowLocation location, string unit, string existingUnit, string eventName) =>
        $"{location}: unit '{unit}' conflicts with unit '{existingUnit}' of event '{eventName}'";

    public static string FormatName(FileFormat format) => format switch
    {
        FileFormat.Csv => "CSV",
        FileFormat.JsonLines => "JSON Lines",
        FileFormat.Parquet => "Parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
