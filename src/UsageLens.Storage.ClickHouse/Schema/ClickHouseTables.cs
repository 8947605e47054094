namespace UsageLens.Storage.ClickHouse.Schema;

/// <summary>The physical table names. On a cluster the event tables are Distributed tables over <c>*_local</c> shards.</summary>
internal static class ClickHouseTables
{
    public const string Events = "events";
    public const string AccountDays = "rollup_account_days";
    public const string UserDays = "rollup_user_days";
    public const string UserMonths = "rollup_user_months";
    public const string Accounts = "accounts";
    public const string Users = "users";
    public const string Subscriptions = "subscriptions";
    public const string Nps = "nps";
    public const string Partners = "partners";
    public const string Meters = "meters";
    public const string EventPropertyKeys = "event_property_keys";
    public const string AccountTraitKeys = "account_trait_keys";
    public const string UserTraitKeys = "user_trait_keys";
    public const string ApiKeys = "api_keys";
    public const string Settings = "settings";
    public const string AppUsers = "app_users";
    public const string Erasures = "erasures";
    public const string ReportRuns = "report_runs";

    /// <summary>One row per import into the workspace: where it is between staging and published (see <c>StagedImport</c>).</summary>
    public const string Imports = "imports";

    /// <summary>How the names of an import's staging tables begin: <c>import_ID_TABLE</c>, ID being the import's own hex id.</summary>
    public const string ImportStagingPrefix = "import_";

    /// <summary>Every table a workspace has (on a cluster, the names queries use), for <c>usagelens doctor</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Events, AccountDays, UserDays, UserMonths, Accounts, Users, Subscriptions, Nps, Partners, Meters,
        EventPropertyKeys, AccountTraitKeys, UserTraitKeys, ApiKeys, Settings, AppUsers, Erasures, ReportRuns,
    ];

    /// <summary>The local suffix of a sharded table on each cluster node.</summary>
    public const string LocalSuffix = "_local";
}
