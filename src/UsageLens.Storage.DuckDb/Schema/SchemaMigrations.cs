using DuckDB.NET.Data;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Storage.DuckDb.Schema;

/// <summary>
/// Numbered, append-only schema changes. A workspace records the highest version applied and
/// applies the rest, each in its own transaction, when it is opened.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly string[] s_migrations =
    [
        // 1: the canonical tables. Events carry no primary key: a 20-million-entry ART index costs
        // memory and load speed, and every writer already dedupes on (source, id) in EventMerge.
        """
        CREATE TABLE events (
            source VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            timestamp TIMESTAMP NOT NULL,
            account_id VARCHAR NOT NULL,
            user_id VARCHAR,
            event VARCHAR NOT NULL,
            quantity DOUBLE NOT NULL,
            unit VARCHAR NOT NULL,
            product VARCHAR,
            classification VARCHAR,
            properties JSON,
            original_event VARCHAR,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
        CREATE TABLE meters (
            event VARCHAR PRIMARY KEY,
            unit VARCHAR NOT NULL);
        CREATE TABLE accounts (
            account_id VARCHAR PRIMARY KEY,
            name VARCHAR,
            segment VARCHAR,
            region VARCHAR,
            plan VARCHAR,
            partner_id VARCHAR,
            revenue DOUBLE,
            contract_value DOUBLE,
            cltv DOUBLE,
            strategic BOOLEAN,
            licensed_seats INTEGER,
            created_at TIMESTAMP,
            traits JSON,
            updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
        CREATE TABLE users (
            user_id VARCHAR PRIMARY KEY,
            account_id VARCHAR,
            email VARCHAR,
            created_at TIMESTAMP,
            traits JSON,
            updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
        CREATE TABLE subscriptions (
            account_id VARCHAR NOT NULL,
            effective_at TIMESTAMP NOT NULL,
            plan VARCHAR,
            mrr DOUBLE NOT NULL,
            currency VARCHAR,
            discount_pct DOUBLE,
            seats INTEGER,
            included_units JSON,
            PRIMARY KEY (account_id, effective_at));
        CREATE TABLE nps (
            account_id VARCHAR NOT NULL,
            user_id VARCHAR NOT NULL DEFAULT '',
            responded_at TIMESTAMP NOT NULL,
            score INTEGER NOT NULL,
            comment VARCHAR,
            PRIMARY KEY (account_id, user_id, responded_at));
        CREATE TABLE api_keys (
            key_hash VARCHAR PRIMARY KEY,
            prefix VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            partner_id VARCHAR,
            created_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
        CREATE TABLE settings (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL);
        """,
        // 2: property keys seen on events, kept by every writer so naming a property as a
        // dimension never has to scan the events table.
        """
        CREATE TABLE event_property_keys (key VARCHAR PRIMARY KEY);
        """,
        // 3: channel partners, so accounts.partner_id can be shown and asked about by name ("Northwind's customers").
        """
        CREATE TABLE partners (
            partner_id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL);
        """,
        // 4: the daily rollups that answer usage and engagement reads without scanning raw events,
        // filled from the events already stored.
        EventRollups.CreateTables + EventRollups.DailyAppendSql("events"),
        // 5: the people who sign in to the dashboard (not the product's users, which are profiles), and
        // the record of what each erasure removed.
        """
        CREATE TABLE app_users (
            email VARCHAR PRIMARY KEY,
            password_hash VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            partner_id VARCHAR,
            created_at TIMESTAMP NOT NULL);
        CREATE TABLE erasures (
            kind VARCHAR NOT NULL,
            subject_id VARCHAR NOT NULL,
            erased_at TIMESTAMP NOT NULL,
            rows JSON NOT NULL);
        """,
        // 6: the runs of scheduled reports (usagelens reports run, serve's schedule).
        """
        CREATE TABLE report_runs (
            report VARCHAR NOT NULL,
            partner_id VARCHAR,
            ran_at TIMESTAMP NOT NULL,
            as_of DATE NOT NULL,
            status VARCHAR NOT NULL,
            file_name VARCHAR,
            deliveries JSON NOT NULL,
            error VARCHAR);
        """,
        // 7: the days whose rollup rows a write has added to since the last compaction; every day at first, since
        // a workspace from before has never been compacted.
        $"""
        CREATE TABLE {RollupCompaction.DirtyDays} (day TIMESTAMP NOT NULL);
        INSERT INTO {RollupCompaction.DirtyDays} SELECT DISTINCT day FROM {EventRollups.AccountDays};
        """,
        // 8: monthly activity per user (a bitmap of active days and the first event), filled from the user-day rollup.
        EventRollups.CreateUserMonths + EventRollups.UserMonthsFromUserDays,
    ];

    public static int LatestVersion => s_migrations.Length;

    public static void Apply(DuckDBConnection connection)
    {
        DuckDbCommands.Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
        var current = Convert.ToInt32(DuckDbCommands.Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= s_migrations.Length; version++)
        {
            using var transaction = connection.BeginTransaction();
            DuckDbCommands.Execute(connection, s_migrations[version - 1]);
            DuckDbCommands.Execute(connection, "INSERT INTO schema_version (version) VALUES ($1)", version);
            transaction.Commit();
        }
    }
}
