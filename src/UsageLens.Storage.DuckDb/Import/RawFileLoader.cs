using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Ingest.Files;

namespace UsageLens.Storage.DuckDb.Import;

/// <summary>
/// Loads a file into a temporary table with DuckDB's own readers. Tables keep file order
/// (DuckDB preserves insertion order), which is what makes <c>rowid</c> the record number.
/// </summary>
internal static class RawFileLoader
{
    public static RawFile Load(DuckDBConnection connection, ImportFile file)
    {
        var table = $"import_raw_{file.Index.ToString(CultureInfo.InvariantCulture)}";
        return file.Format switch
        {
            FileFormat.Csv => LoadCsv(connection, file, table),
            FileFormat.JsonLines => LoadJsonLines(connection, file, table),
            FileFormat.Parquet => LoadParquet(connection, file, table),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.Format, null),
        };
    }

    public static void Drop(DuckDBConnection connection, RawFile raw) =>
        DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {raw.Table}");

    private static RawFile LoadCsv(DuckDBConnection connection, ImportFile file, string table)
    {
        var header = CsvHeader.Read(file.Name) ?? throw new UsageLensException(ImportMessages.Empty(file.Name));
        // The header is read above, so DuckDB gets an explicit all-text schema: no sniffing that could
        // guess a delimiter or a type, and a row with a wrong number of values is an error, not padding.
        var columns = string.Join(", ", header.Select((_, i) => $"'c{i.ToString(CultureInfo.InvariantCulture)}': 'VARCHAR'"));
        Read(connection, file, $$"""
            CREATE TEMP TABLE {{table}} AS
            SELECT * FROM read_csv($1, header = true, auto_detect = false, all_varchar = true,
                                   delim = ',', quote = '"', escape = '"', columns = { {{columns}} })
            """);
        var types = header.Select(_ => "VARCHAR").ToList();
        return Loaded(connection, file, table, header, types);
    }

    private static RawFile LoadJsonLines(DuckDBConnection connection, ImportFile file, string table)
    {
        // ignore_errors turns a malformed line into a NULL row in its place, so the line can be
        // reported in our words along with every other row problem.
        Read(connection, file, $"""
            CREATE TEMP TABLE {table} AS
            SELECT json FROM read_json_objects($1, format = 'newline_delimited', ignore_errors = true)
            """);
        var header = new List<string>();
        using (var command = DuckDbCommands.Create(connection, $"""
            SELECT key FROM (
                SELECT rowid AS r, unnest(json_keys(json)) AS key, generate_subscripts(json_keys(json), 1) AS position
                FROM {table} WHERE json_type(json) = 'OBJECT')
            GROUP BY key ORDER BY min(r), arg_min(position, r), key
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                header.Add(reader.GetString(0));
            }
        }
        var rows = Count(connection, table);
        if (rows == 0)
        {
            throw new UsageLensException(ImportMessages.Empty(file.Name));
        }
        return new RawFile(file, table, header, [], rows);
    }

    private static RawFile LoadParquet(DuckDBConnection connection, ImportFile file, string table)
    {
        Read(connection, file, $"CREATE TEMP TABLE {table} AS SELECT * FROM read_parquet($1)");
        var header = new List<string>();
        var types = new List<string>();
        using (var command = DuckDbCommands.Create(connection,
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = $1 ORDER BY column_index", table))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                header.Add(reader.GetString(0));
                types.Add(reader.GetString(1));
            }
        }
        return Loaded(connection, file, table, header, types);
    }

    private static RawFile Loaded(DuckDBConnection connection, ImportFile file, string table, IReadOnlyList<string> header, IReadOnlyList<string> types)
    {
        var rows = Count(connection, table);
        if (rows == 0)
        {
            throw new UsageLensException(ImportMessages.NoRows(file.Name, file.Format));
        }
        return new RawFile(file, table, header, types, rows);
    }

    private static void Read(DuckDBConnection connection, ImportFile file, string sql)
    {
        try
        {
            DuckDbCommands.Execute(connection, sql, file.Name);
        }
        catch (DuckDBException ex)
        {
            throw new UsageLensException(ReadErrors.Describe(file, ex.Message), ex);
        }
    }

    private static long Count(DuckDBConnection connection, string table) =>
        Convert.ToInt64(DuckDbCommands.Scalar(connection, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
}
