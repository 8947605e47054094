using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Prepares a file for the canonical projection with DuckDB's own readers. Tables keep file
/// order (DuckDB preserves insertion order), which is what makes <c>rowid</c> the record number.
/// </summary>
internal static class RawFileLoader
{
    public static RawFile Load(DuckDBConnection connection, ImportFile file)
    {
        var table = $"import_raw_{file.Index.ToString(CultureInfo.InvariantCulture)}";
        return file.Format switch
        {
            FileFormat.Csv => Csv(file),
            FileFormat.JsonLines => LoadJsonLines(connection, file, table),
            FileFormat.Parquet => LoadParquet(connection, file, table),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.Format, null),
        };
    }

    public static void Drop(DuckDBConnection connection, RawFile raw)
    {
        if (raw.Table is not null)
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {raw.Table}");
        }
    }

    // CSV is not loaded here: the canonical projection reads it directly, which saves writing
    // every value twice. The header is read first, so DuckDB gets an explicit all-text schema:
    // no sniffing that could guess a delimiter or a type, and a row with a wrong number of values
    // is an error, not padding.
    private static RawFile Csv(ImportFile file)
    {
        var header = ReadHeader(file) ?? throw new UsageLensException(ImportMessages.Empty(file.Name));
        var columns = string.Join(", ", header.Select((_, i) => $"'c{i.ToString(CultureInfo.InvariantCulture)}': 'VARCHAR'"));
        var source = $$"""
            read_csv($1, header = true, auto_detect = false, all_varchar = true,
                     delim = ',', quote = '"', escape = '"', columns = { {{columns}} })
            """;
        return new RawFile(file, source, null, header, header.Select(_ => "VARCHAR").ToList());
    }

    private static IReadOnlyList<string>? ReadHeader(ImportFile file)
    {
        try
        {
            return CsvHeader.Read(file.Name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageLensException(ImportMessages.Unreadable(file.Name, file.Format, ex.Message), ex);
        }
    }

    /// <summary>The first line of a loaded JSON Lines file that is not a JSON object, if any.</summary>
    public static FirstFault? FirstMalformedLine(DuckDBConnection connection, RawFile raw)
    {
        using var command = DuckDbCommands.Create(connection, $"""
            SELECT rowid, json IS NULL FROM {raw.Table} WHERE json IS NULL OR json_type(json) <> 'OBJECT' ORDER BY rowid LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new FirstFault(reader.GetInt64(0), reader.GetBoolean(1) ? RowFault.InvalidJson : RowFault.NotAJsonObjectLine, null, null)
            : null;
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
        return new RawFile(file, table, table, header, []);
    }

    // Parquet is not loaded either: its schema comes from an empty table of the same columns, and the
    // projection reads the file itself, so every value is decoded once.
    private static RawFile LoadParquet(DuckDBConnection connection, ImportFile file, string table)
    {
        Read(connection, file, $"CREATE TEMP TABLE {table} AS SELECT * FROM read_parquet($1) LIMIT 0");
        var header = new List<string>();
        var types = new List<string>();
        try
        {
            using var command = DuckDbCommands.Create(connection,
                "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = $1 ORDER BY column_index", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                header.Add(reader.GetString(0));
                types.Add(reader.GetString(1));
            }
        }
        finally
        {
            DuckDbCommands.Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }
        // Renamed positionally, so no name from the file reaches the SQL text.
        var source = $"read_parquet($1) AS t({string.Join(", ", header.Select((_, i) => "c" + i.ToString(CultureInfo.InvariantCulture)))})";
        return new RawFile(file, source, null, header, types);
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
}
