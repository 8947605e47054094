using static UsageLens.Storage.ClickHouse.Schema.ClickHouseTables;

namespace UsageLens.Storage.ClickHouse.Schema;

/// <summary>
/// The workspace's tables on ClickHouse. Every statement is idempotent (IF NOT EXISTS), so opening
/// a workspace creates what is missing and leaves data alone.
///
/// Events are sorted by (account_id, event, timestamp): nearly every query names one event and a
/// time range, often for a set of accounts, and reads of one account's usage are contiguous, which
/// also makes the account the natural sharding key. Months are partitions, so a period prunes parts.
/// The daily rollups are kept by materialized views on every insert, sorted by (event, day,
/// account_id) because they are read per event and period across all accounts. They are appended
/// to and always aggregated on read, exactly like the DuckDB engine's rollups.
/// Profile tables are ReplacingMergeTree keyed like the DuckDB primary keys; an upsert inserts a new
/// version and readers use FINAL, so the latest version is what every query sees.
/// </summary>
internal static class ClickHouseSchema
{
    private const string Utc = "DateTime('UTC')";

    private static readonly string s_eventColumns = $"""
        source String, id String, timestamp {Utc}, account_id String, user_id Nullable(String),
        event String, quantity Float64, unit String, product Nullable(String), classification Nullable(String),
        properties Nullable(String), original_event Nullable(String), ingested_at {Utc} DEFAULT now()
        """;

    private static readonly string s_rollupTail = $"""
        event String, unit String, product Nullable(String), classification Nullable(String),
        events UInt64, quantity Float64, first_at {Utc}
        """;

    private static readonly string s_accountDayColumns = $"day {Utc}, account_id String, {s_rollupTail}";
    private static readonly string s_userDayColumns = $"day {Utc}, account_id String, user_id Nullable(String), {s_rollupTail}";
    private static readonly string s_userMonthColumns =
        $"month {Utc}, account_id String, user_id Nullable(String), event String, unit String, product Nullable(String), classification Nullable(String), days UInt32, first_at {Utc}";

    /// <summary>The tables every node holds in full: profiles, catalog and keys.</summary>
    public static IEnumerable<string> ProfileTables()
    {
        yield return Versioned(Accounts, """
            account_id String, name Nullable(String), segment Nullable(String), region Nullable(String),
            plan Nullable(String), partner_id Nullable(String), revenue Nullable(Float64), contract_value Nullable(Float64),
            cltv Nullable(Float64), strategic Nullable(UInt8), licensed_seats Nullable(Int32),
            created_at Nullable(DateTime('UTC')), traits Nullable(String), updated_at DateTime('UTC')
            """, "account_id");
        yield return Versioned(Users, """
            user_id String, account_id Nullable(String), email Nullable(String), created_at Nullable(DateTime('UTC')),
            traits Nullable(String), updated_at DateTime('UTC')
            """, "user_id");
        yield return Versioned(Subscriptions, """
            account_id String, effective_at DateTime('UTC'), plan Nullable(String), mrr Float64, currency Nullable(String),
            discount_pct Nullable(Float64), seats Nullable(Int32), included_units Nullable(String)
            """, "account_id, effective_at");
        yield return Versioned(Nps, """
            account_id String, user_id String, responded_at DateTime('UTC'), score Int32, comment Nullable(String)
            """, "account_id, user_id, responded_at");
        yield return Versioned(Partners, "partner_id String, name String", "partner_id");
        yield return Versioned(Meters, "event String, unit String", "event");
        yield return Versioned(EventPropertyKeys, "key String", "key");
        yield return Versioned(AccountTraitKeys, "key String", "key");
        yield return Versioned(UserTraitKeys, "key String", "key");
        yield return Versioned(ApiKeys, "key_hash String, prefix String, role String, partner_id Nullable(String), created_at DateTime('UTC')", "key_hash");
        yield return Versioned(Settings, "key String, value String", "key");
        yield return Versioned(AppUsers, "email String, password_hash String, role String, partner_id Nullable(String), created_at DateTime('UTC')", "email");
        yield return Versioned(Imports, "id String, state String, updated_at DateTime('UTC') DEFAULT now()", "id");
        yield return Versioned(Erasures, "kind String, subject_id String, erased_at DateTime('UTC'), rows String", "erased_at, kind, subject_id");
        yield return Versioned(ReportRuns, "report String, partner_id Nullable(String), ran_at DateTime('UTC'), as_of Date, status String, file_name Nullable(String), deliveries String, error Nullable(String)", "ran_at, report");
    }

    /// <summary>The event tables of a single server, with the views that keep the rollups.</summary>
    public static IEnumerable<string> SingleServerEventTables() => EventTables("", "");

    /// <summary>The event tables of one cluster node: local shards, their views, and Distributed tables over them.</summary>
    public static IEnumerable<string> ClusterEventTables(string cluster, string database)
    {
        foreach (var statement in EventTables(LocalSuffix, LocalSuffix))
        {
            yield return statement;
        }
        foreach (var (table, columns) in new[] { (Events, s_eventColumns), (AccountDays, s_accountDayColumns), (UserDays, s_userDayColumns), (UserMonths, s_userMonthColumns) })
        {
            // Sharding by account keeps an account's events and rollups on one node, so per-account
            // aggregates never need data from two shards.
            yield return $"CREATE TABLE IF NOT EXISTS {table} ({columns}) "
                + $"ENGINE = Distributed({cluster}, {database}, {table}{LocalSuffix}, cityHash64(account_id))";
        }
    }

    private static IEnumerable<string> EventTables(string eventSuffix, string rollupSuffix)
    {
        yield return $"CREATE TABLE IF NOT EXISTS {Events}{eventSuffix} ({s_eventColumns}) "
            + "ENGINE = MergeTree PARTITION BY toYYYYMM(timestamp) ORDER BY (account_id, event, timestamp)";
        yield return $"CREATE TABLE IF NOT EXISTS {AccountDays}{rollupSuffix} ({s_accountDayColumns}) "
            + "ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY (event, day, account_id)";
        yield return $"CREATE TABLE IF NOT EXISTS {UserDays}{rollupSuffix} ({s_userDayColumns}) "
            + "ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY (event, day, account_id)";
        yield return RollupView(AccountDays, rollupSuffix, Events + eventSuffix, "account_id");
        yield return RollupView(UserDays, rollupSuffix, Events + eventSuffix, "account_id, user_id");
        yield return $"CREATE TABLE IF NOT EXISTS {UserMonths}{rollupSuffix} ({s_userMonthColumns}) "
            + "ENGINE = MergeTree PARTITION BY toYYYYMM(month) ORDER BY (month, event, account_id)";
        yield return $"CREATE MATERIALIZED VIEW IF NOT EXISTS {UserMonths}{rollupSuffix}_view TO {UserMonths}{rollupSuffix} AS "
            + UserMonthsSelect(Events + eventSuffix);
    }

    /// <summary>
    /// Fills the monthly activity table (<c>rollup_user_months[_local]</c>) from the events already stored, once, when it
    /// is new beside existing events. Rows it repeats of the view's are harmless: the table is read with OR and min.
    /// </summary>
    public static string UserMonthsBackfill(string suffix) => $"INSERT INTO {UserMonths}{suffix} " + UserMonthsSelect(Events + suffix);

    // The month is the UTC midnight of its first day, by arithmetic on the UTC timestamp: a Date would carry the server's zone.
    // user_id keeps its column's name and type: an alias of it (assumeNotNull(user_id) AS user_id) would also be what
    // WHERE tests, since ClickHouse resolves aliases everywhere in a query, and the user-less events would count as ''.
    private static string UserMonthsSelect(string events) =>
        "SELECT toStartOfDay(timestamp) - (toDayOfMonth(timestamp) - 1) * 86400 AS month, account_id, user_id, "
        + "event, unit, product, classification, toUInt32(groupBitOr(toUInt32(bitShiftLeft(toUInt32(1), toDayOfMonth(timestamp) - 1)))) AS days, "
        + "min(timestamp) AS first_at "
        + $"FROM {events} WHERE isNotNull(user_id) GROUP BY month, account_id, user_id, event, unit, product, classification";

    private static string RollupView(string rollup, string suffix, string events, string keys) =>
        $"CREATE MATERIALIZED VIEW IF NOT EXISTS {rollup}{suffix}_view TO {rollup}{suffix} AS "
        + $"SELECT toStartOfDay(timestamp) AS day, {keys}, event, unit, product, classification, "
        + "count() AS events, sum(quantity) AS quantity, min(timestamp) AS first_at "
        + $"FROM {events} GROUP BY day, {keys}, event, unit, product, classification";

    private static string Versioned(string table, string columns, string key) =>
        $"CREATE TABLE IF NOT EXISTS {table} ({columns}, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY ({key})";
}
