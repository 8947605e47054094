namespace UsageLens.Server.Tests.Reliability;

/// <summary>Who may call an operation: ingestion takes writer and admin keys, reads admin, analyst, viewer and partner keys, admin reads and writes admin keys only, public operations anyone.</summary>
internal enum OperationKind
{
    Ingest,
    Read,
    AdminRead,

    /// <summary>Administration that changes the workspace (users, keys, erasures, backups): refused to every other key, and not sent with the admin key so the fixture stays as it is.</summary>
    AdminWrite,

    /// <summary>Open to any caller, with or without a key (health, metrics, and the sign-in session, which answers for whoever calls): still never another partner's data.</summary>
    Public,
}
