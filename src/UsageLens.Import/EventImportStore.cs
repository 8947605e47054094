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
    private static readonly string s_timestamp = ValueSql.Typed(ColumnType.Timestamp, Identifier.Quote("timestamp"));

    /// <summary>Stages the rows of <paramref name="file"/> before record <paramref name="beforeRecord"/>, numbered from <paramref name="firstSeq"/>.</summary>
    public static void Stage(DuckDBConnection connection, int file, long firstSeq, long beforeRecord)
    {
        DuckDbCommands.Execute(connection, $$"""
            INSERT INTO {{EventStaging.Table}} (seq, source, id, timestamp, account_id, user_id, event, quantity, unit,
                                                product, classification, properties, original_event)
            SELECT seq, '',
                   coalesce("id", sha256(concat_ws(chr(31), strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ'), "account_id",
                       coalesce("user_id", ''), "event", CAST(amount AS VARCHAR), "unit", coalesce("product", ''),
                       coalesce("classification", ''), coalesce(CAST(props AS VARCHAR), '')))),
                   ts, "account_id", "user_id", "event", amount, "unit", "product", "classification", props, NULL
            FROM (
                SELECT *, $1 + rowid AS seq, {{s_timestamp}} AS ts, CAST("quantity" AS DOUBLE) AS amount,
                       CAST(nullif(CAST(json_merge_patch(coalesce(extras, '{}'), coalesce(CAST("properties" AS JSON), '{}')) AS VARCHAR), '{}') AS JSON) AS props
                FROM {{ImportRows.Table(file)}}
                WHERE rowid < $2)
            """, firstSeq, beforeRecord);
    }

    /// <summary>Stores the staged events that are new; returns (stored, duplicates).</summary>
    public static (long Stored, long Duplicates) Merge(DuckDBConnection connection)
    {
        var staged = Convert.ToInt64(DuckDbCommands.Scalar(connection, $"SELECT count(*) FROM {EventStaging.Table}"), System.Globalization.CultureInfo.InvariantCulture);
        var stored = EventMerge.MergeNewEvents(connection);
        return (stored, staged - stored);
    }
}
