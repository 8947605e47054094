using DuckDB.NET.Data;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Demo.DuckDb;

/// <summary>
/// Expands plan rows into events in one set-based statement. Every per-event choice (time of day,
/// user, quantity, properties) comes from hashing the event's running number with the seed, so the
/// same seed always yields the same rows, in any order DuckDB's threads happen to produce them.
/// </summary>
internal static class DemoEventExpansion
{
    // h: bits 0-47 are three 16-bit uniforms whose sum is bell-shaped (the daytime curve), bits 48-63 decide person or machine.
    // Times are whole seconds, the precision every engine stores (ClickHouse 18.16's DateTime has no fraction),
    // so the same seed gives the same workspace on DuckDB and ClickHouse.
    // g: bits 0-31 pick the user (skewed towards the account's first, most active users), 32-47 the quantity, 48-63 the properties.
    private const string Sql = $"""
        INSERT INTO events (source, id, timestamp, account_id, user_id, event, quantity, unit,
                            product, classification, properties, original_event, ingested_at)
        WITH planned AS (
            SELECT p.day_us, p.mean_quantity, p.user_count, p.trial, a.account_id, a.centre_us, a.users,
                   m.event, m.unit, m.product, m.classification, m.user_share, m.spread, m.window_us, m.properties,
                   unnest(range(p.first_event, p.first_event + p.events)) AS n
            FROM {DemoPlanTables.Plan} p
            JOIN {DemoPlanTables.Accounts} a ON a.account_idx = p.account_idx
            JOIN {DemoPlanTables.Meters} m ON m.meter_idx = p.meter_idx
            WHERE p.chunk = $2),
        drawn AS (
            SELECT *, hash(n, $3::BIGINT) AS h, hash(n, $3::BIGINT, 1) AS g FROM planned),
        placed AS (
            SELECT *, make_timestamp(day_us + ((centre_us - window_us // 2 + 86400000000
                + CAST(window_us * CAST((h & 65535) + ((h >> 16) & 65535) + ((h >> 32) & 65535) AS DOUBLE) / 196608.0 AS BIGINT))
                % 86400000000) // 1000000 * 1000000) AS ts
            FROM drawn)
        SELECT '', $1 || CAST(n AS VARCHAR), ts, account_id,
            CASE WHEN user_count > 0 AND CAST(h >> 48 AS INTEGER) < user_share
                 THEN users[1 + least(user_count - 1, CAST(floor(pow(CAST(g & 4294967295 AS DOUBLE) / 4294967296.0, 1.6) * user_count) AS INTEGER))]
            END,
            event,
            CASE WHEN spread = 0 THEN mean_quantity
                 ELSE round(mean_quantity * (1 - spread + 2 * spread * CAST((g >> 32) & 65535 AS DOUBLE) / 65536.0), 3)
            END,
            unit, product,
            CASE WHEN trial THEN 'trial' ELSE classification END,
            CASE WHEN len(properties) > 0 THEN properties[1 + CAST(CAST(g >> 48 AS BIGINT) % len(properties) AS INTEGER)] END,
            NULL, ts
        FROM placed
        """;

    public static long ExpandChunk(DuckDBConnection connection, string idPrefix, int chunk, int seed) =>
        DuckDbCommands.Execute(connection, Sql, idPrefix, chunk, seed);
}
