using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Core;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Creates a file's <see cref="ImportRows"/> table in a single CREATE TABLE ... AS SELECT: picks
/// each canonical column from wherever the file has it, trims it, applies defaults, and gathers
/// the unknown columns into a JSON object. Names from the file only ever travel as bound parameters.
/// </summary>
internal static class CanonicalProjection
{
    /// <summary>Creates the table and returns its row count.</summary>
    public static long Create(DuckDBConnection connection, RawFile raw, ResolvedColumns resolved)
    {
        var (select, parameters) = Select(raw, resolved, NativeColumns.None);
        try
        {
            DuckDbCommands.Execute(connection, $"CREATE TEMP TABLE {ImportRows.Table(raw.File.Index)} AS {select}", parameters);
        }
        catch (DuckDBException ex) when (raw.ReadsFile)
        {
            throw new UsageLensException(ReadErrors.Describe(raw.File, ex.Message), ex);
        }
        return ImportRows.Count(connection, raw.File.Index);
    }

    /// <summary>
    /// The SELECT of the canonical rows and its parameters. Columns in <paramref name="native"/> keep their typed value
    /// (default applied) instead of their trimmed text.
    /// </summary>
    public static (string Sql, List<object?> Parameters) Select(RawFile raw, ResolvedColumns resolved, NativeColumns native)
    {
        var parameters = new List<object?>();
        if (raw.ReadsFile)
        {
            parameters.Add(raw.File.Name);
        }
        string Bind(object? value)
        {
            parameters.Add(value);
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        var source = raw.File.Format == FileFormat.JsonLines ? (ISource)new JsonSource(raw, Bind) : new ColumnSource(raw);
        var values = resolved.Schema.Columns.Select(c =>
            $"{Value(c, resolved.SourceOf(c.Name), native.Contains(c.Name), source, Bind)} AS {Identifier.Quote(c.Name)}");
        var extras = resolved.Extras.Count == 0
            ? "CAST(NULL AS JSON)"
            // Merging into {} drops null members, so an empty cell adds no key.
            : $"json_merge_patch('{{}}', json_object({string.Join(", ", resolved.Extras.Select(e => $"{Bind(e.Name)}, {source.Raw(e.Position)}"))}))";
        var sql = $"""
            SELECT {source.RowFault} AS row_fault, {string.Join(", ", values)}, {extras} AS extras
            FROM {raw.Source}
            """;
        return (sql, parameters);
    }

    private static string Value(CanonicalColumn column, SourceColumn? from, bool native, ISource source, Func<object?, string> bind)
    {
        if (native)
        {
            var typed = source.Raw(from!.Position);
            return column.Default is null ? typed : $"coalesce({typed}, {ValueSql.Typed(column.Type, bind(column.Default))})";
        }
        var text = from is null ? "CAST(NULL AS VARCHAR)" : $"nullif(trim({source.Text(from.Position)}), '')";
        return column.Default is null ? text : $"coalesce({text}, {bind(column.Default)})";
    }

    private interface ISource
    {
        string RowFault { get; }

        /// <summary>The column as text, for canonical columns.</summary>
        string Text(int position);

        /// <summary>The column as it is (typed where the file is typed), for the extras object.</summary>
        string Raw(int position);
    }

    /// <summary>CSV and Parquet: real columns, named positionally (<c>c0</c>, <c>c1</c>...) so no file name reaches the SQL text.</summary>
    private sealed class ColumnSource(RawFile raw) : ISource
    {
        public string RowFault => "CAST(NULL AS INTEGER)";

        public string Text(int position) => IsNested(raw.Types[position])
            ? $"CAST(to_json({Name(position)}) AS VARCHAR)"
            : $"CAST({Name(position)} AS VARCHAR)";

        public string Raw(int position) => raw.File.Format == FileFormat.Csv ? $"nullif(trim({Name(position)}), '')" : Name(position);

        private static string Name(int position) => "c" + position.ToString(CultureInfo.InvariantCulture);

        // Parquet structs, maps and lists become JSON text, so a struct column can be the properties object.
        private static bool IsNested(string type) =>
            type.StartsWith("STRUCT", StringComparison.Ordinal) || type.StartsWith("MAP", StringComparison.Ordinal)
            || type.StartsWith("UNION", StringComparison.Ordinal) || type.EndsWith(']') || type == "JSON";
    }

    /// <summary>JSON Lines: one JSON value per line; keys are looked up by a bound JSON path.</summary>
    private sealed class JsonSource(RawFile raw, Func<object?, string> bind) : ISource
    {
        public string RowFault => string.Create(CultureInfo.InvariantCulture, $"""
            CASE WHEN json IS NULL THEN {(int)Ingest.Files.RowFault.InvalidJson}
                 WHEN json_type(json) <> 'OBJECT' THEN {(int)Ingest.Files.RowFault.NotAJsonObjectLine} END
            """);

        public string Text(int position) => $"json ->> {bind(Path(position))}";

        public string Raw(int position) => $"json -> {bind(Path(position))}";

        private string Path(int position) =>
            "$.\"" + raw.Header[position].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
