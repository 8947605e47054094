using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Per-connection temporary tables, one per file, with every row in canonical form: one trimmed
/// text column per canonical column (empty cells are NULL, defaults applied), the unknown columns
/// as a JSON object (<c>extras</c>), and <c>row_fault</c> for JSON lines that are not objects.
/// Rows are in file order, so <c>rowid</c> is the record number; a row's place in the whole
/// import (<c>seq</c>) is the file's first sequence number plus its record number.
/// </summary>
internal static class ImportRows
{
    public static string Table(int file) => "import_rows_" + file.ToString(CultureInfo.InvariantCulture);

    public static long Count(DuckDBConnection connection, int file) =>
        Convert.ToInt64(DuckDbCommands.Scalar(connection, $"SELECT count(*) FROM {Table(file)}"), CultureInfo.InvariantCulture);

    public static string? Value(DuckDBConnection connection, int file, long record, string column) =>
        DuckDbCommands.Scalar(connection, $"SELECT {Identifier.Quote(column)} FROM {Table(file)} WHERE rowid = $1", record) as string;

    /// <summary>FROM-clause text for all files' rows with their <c>seq</c>, in import order.</summary>
    public static string All(IReadOnlyList<long> firstSeqs)
    {
        var selects = firstSeqs.Select((first, file) =>
            string.Create(CultureInfo.InvariantCulture, $"SELECT {first} + rowid AS seq, * FROM {Table(file)}"));
        return $"({string.Join("\nUNION ALL ", selects)})";
    }

    public static void Drop(DuckDBConnection connection, int files)
    {
        for (var file = 0; file < files; file++)
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {Table(file)}");
        }
    }
}
