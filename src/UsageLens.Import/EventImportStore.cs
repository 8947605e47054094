using System.Globalization;
using DuckDB.NET.Data;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Import;

/// <summary>
/// Moves validated event rows into <see cref="EventStaging"/>, so that unit checks and the
/// (source, id) dedupe are the ones every other writer uses (<see cref="EventMerge"/>). Files
/// have source '' and, without an id column, an id that hashes the row's canonical content.
/// </summary>
internal static class EventImportStore
{
    private const string StagedColumns = "seq, source, id, timestamp, account_id, user_id, event, quantity, unit, product, classification, properties, original_event";

    /// <summary>Stages the rows of <paramref name="file"/> before record <paramref name="beforeRecord"/>, numbered from <paramref name="firstSeq"/>.</summary>
    public static void Stage(DuckDBConnection connection, int file, long firstSeq, long beforeRecord)
    {
        DuckDbCommands.Execute(connection, $"""
            INSERT INTO {EventStaging.Table} ({StagedColumns})
            {Staged("seq", $"(SELECT *, $1 + rowid AS seq, {Typed(NativeColumns.None, guarded: false)} FROM {ImportRows.Table(file)} WHERE rowid < $2)")}
            """, firstSeq, beforeRecord);
    }

    /// <summary>
    /// The SELECT of one file's rows in staged form, each with <c>failed</c>: the index of the first check in
    /// <paramref name="checks"/> it breaks, or NULL. A row that breaks one is not converted, so it cannot stop the
    /// statement; its staged values are meaningless.
    /// </summary>
    public static string CheckedRows(string canonicalRows, IReadOnlyList<RowCheck> checks, NativeColumns native) =>
        Staged("failed", $"""
            (SELECT *, {Typed(native, guarded: true)}
             FROM (SELECT *, {RowValidator.FirstFailed(checks)} AS failed FROM ({canonicalRows})))
            """);

    /// <summary>Stages checked rows (<see cref="CheckedRows"/>, none failed) from <paramref name="table"/>, numbered from <paramref name="firstSeq"/>.</summary>
    public static void StageChecked(DuckDBConnection connection, string table, long firstSeq)
    {
        DuckDbCommands.Execute(connection, $"""
            INSERT INTO {EventStaging.Table} ({StagedColumns})
            SELECT $1 + rowid, * EXCLUDE (failed) FROM {table}
            """, firstSeq);
    }

    // The staged columns, after `leading`, from rows that carry their converted instant (ts), amount and properties (props).
    private static string Staged(string leading, string rows) => $"""
        SELECT {leading}, '' AS source,
               coalesce("id", sha256(concat_ws(chr(31), strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ'), "account_id",
                   coalesce("user_id", ''), "event", CAST(amount AS VARCHAR), "unit", coalesce("product", ''),
                   coalesce("classification", ''), coalesce(CAST(props AS VARCHAR), '')))) AS id,
               ts AS timestamp, "account_id", "user_id", "event", amount AS quantity, "unit", "product", "classification",
               props AS properties, CAST(NULL AS VARCHAR) AS original_event
        FROM {rows}
        """;

    private static string Typed(NativeColumns native, bool guarded)
    {
        string Guard(string value) => guarded ? $"CASE WHEN failed IS NULL THEN {value} END" : value;
        string Stored(string column, ColumnType type) =>
            native.Contains(column) ? ValueSql.NativeTyped(type, Identifier.Quote(column)) : ValueSql.Typed(type, Identifier.Quote(column));
        var properties = """
            CAST(nullif(CAST(json_merge_patch(coalesce(extras, '{}'), coalesce(CAST("properties" AS JSON), '{}')) AS VARCHAR), '{}') AS JSON)
            """;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Guard(Stored("timestamp", ColumnType.Timestamp))} AS ts, {Guard(Stored("quantity", ColumnType.Decimal))} AS amount, {Guard(properties)} AS props");
    }

    /// <summary>Stores the staged events that are new; returns (stored, duplicates).</summary>
    public static (long Stored, long Duplicates) Merge(DuckDBConnection connection)
    {
        var staged = Convert.ToInt64(DuckDbCommands.Scalar(connection, $"SELECT count(*) FROM {EventStaging.Table}"), CultureInfo.InvariantCulture);
        var stored = EventMerge.MergeNewEvents(connection);
        return (stored, staged - stored);
    }
}
