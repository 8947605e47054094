using DuckDB.NET.Data;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Upserts whole rows keyed by some of their columns (subscriptions, NPS answers): the last row
/// with a key, in import order, replaces whatever is stored under it.
/// </summary>
internal static class KeyedRowImportStore
{
    /// <summary>Returns (rows inserted or updated, rows overridden by a later row of the same key).</summary>
    public static (long Stored, long Duplicates) Upsert(DuckDBConnection connection, IReadOnlyList<long> firstSeqs, long rows, CanonicalSchema schema, string table, IReadOnlyList<string> keys)
    {
        var names = schema.Columns.Select(c => Identifier.Quote(c.Name)).ToList();
        var typed = schema.Columns.Select(c => $"{Typed(c, keys)} AS {Identifier.Quote(c.Name)}");
        var quotedKeys = string.Join(", ", keys.Select(Identifier.Quote));
        var updates = schema.Columns.Where(c => !keys.Contains(c.Name))
            .Select(c => $"{Identifier.Quote(c.Name)} = excluded.{Identifier.Quote(c.Name)}");
        var sql = $"""
            INSERT INTO {table} ({string.Join(", ", names)})
            SELECT {string.Join(", ", names)} FROM (
                SELECT *, row_number() OVER (PARTITION BY {quotedKeys} ORDER BY seq DESC) AS newest
                FROM (SELECT seq, {string.Join(", ", typed)} FROM {ImportRows.All(firstSeqs)}))
            WHERE newest = 1
            ON CONFLICT ({quotedKeys}) DO UPDATE SET {string.Join(", ", updates)}
            """;
        var stored = DuckDbCommands.Execute(connection, sql);
        return (stored, rows - stored);
    }

    // An optional key column (the NPS user) is stored as '' when empty, as the table's default says.
    private static string Typed(CanonicalColumn column, IReadOnlyList<string> keys)
    {
        var value = ValueSql.Typed(column.Type, Identifier.Quote(column.Name));
        return keys.Contains(column.Name) && column.Presence != ColumnPresence.Required ? $"coalesce({value}, '')" : value;
    }
}
