using DuckDB.NET.Data;
using UsageLens.Ingest.Files;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Import;

/// <summary>
/// Upserts accounts or users from <see cref="ImportRows"/> in one statement. Rows are applied in
/// import order: for each field the last non-empty value wins (an empty cell keeps what is stored),
/// and traits (unknown columns merged with an explicit traits object) are merged key by key.
/// </summary>
internal static class ProfileImportStore
{
    /// <summary>Returns (profiles inserted or updated, rows overridden by a later row of the same key).</summary>
    public static (long Stored, long Duplicates) Upsert(DuckDBConnection connection, IReadOnlyList<long> firstSeqs, long rows, CanonicalSchema schema, string table, string key)
    {
        var traits = schema.ExtrasColumn ?? throw new ArgumentException("A profile schema has a traits column.", nameof(schema));
        var fields = schema.Columns.Where(c => c.Name != key && c.Name != traits).ToList();
        var quotedKey = Identifier.Quote(key);
        var latest = fields.Select(f =>
            $"arg_max({ValueSql.Typed(f.Type, Identifier.Quote(f.Name))}, seq) FILTER (WHERE {Identifier.Quote(f.Name)} IS NOT NULL)");
        var updates = fields.Select(f => $"{Identifier.Quote(f.Name)} = coalesce(excluded.{Identifier.Quote(f.Name)}, {table}.{Identifier.Quote(f.Name)})");
        var sql = $$"""
            INSERT INTO {{table}} ({{quotedKey}}, {{string.Join(", ", fields.Select(f => Identifier.Quote(f.Name)))}}, traits)
            SELECT {{quotedKey}}, {{string.Join(", ", latest)}},
                   list_reduce(list(merged ORDER BY seq) FILTER (WHERE merged IS NOT NULL), lambda a, b: json_merge_patch(a, b))
            FROM (
                SELECT *, CAST(nullif(CAST(json_merge_patch(coalesce(extras, '{}'), coalesce(CAST({{Identifier.Quote(traits)}} AS JSON), '{}')) AS VARCHAR), '{}') AS JSON) AS merged
                FROM {{ImportRows.All(firstSeqs)}})
            GROUP BY {{quotedKey}}
            ON CONFLICT ({{quotedKey}}) DO UPDATE SET
                {{string.Join(",\n    ", updates)}},
                traits = CASE WHEN excluded.traits IS NULL THEN {{table}}.traits
                              ELSE json_merge_patch(coalesce({{table}}.traits, '{}'), excluded.traits) END,
                updated_at = make_timestamp(epoch_us(get_current_timestamp()))
            """;
        var stored = DuckDbCommands.Execute(connection, sql);
        return (stored, rows - stored);
    }
}
