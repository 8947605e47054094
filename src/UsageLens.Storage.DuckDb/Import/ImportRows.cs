using DuckDB.NET.Data;
using UsageLens.Ingest.Files;

namespace UsageLens.Storage.DuckDb.Import;

/// <summary>
/// A per-connection temporary table with every row of an import in canonical form: one trimmed
/// text column per canonical column (empty cells are NULL, defaults applied), the unknown columns
/// as a JSON object (<c>extras</c>), and where the row came from (<c>file</c>, <c>rec</c>) and
/// its place in the whole import (<c>seq</c>). Validation and storing read only this table.
/// </summary>
internal static class ImportRows
{
    public const string Table = "import_rows";

    public static void Create(DuckDBConnection connection, CanonicalSchema schema)
    {
        var columns = string.Join(", ", schema.Columns.Select(c => $"{Identifier.Quote(c.Name)} VARCHAR"));
        DuckDbCommands.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {Table} (
                file INTEGER NOT NULL,
                rec BIGINT NOT NULL,
                seq BIGINT NOT NULL,
                row_fault INTEGER,
                {columns},
                extras JSON)
            """);
    }

    public static string? Value(DuckDBConnection connection, int file, long record, string column) =>
        DuckDbCommands.Scalar(connection, $"SELECT {Identifier.Quote(column)} FROM {Table} WHERE file = $1 AND rec = $2", file, record) as string;

    public static void Drop(DuckDBConnection connection) =>
        DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {Table}");
}
