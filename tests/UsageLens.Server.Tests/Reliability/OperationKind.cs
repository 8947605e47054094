namespace UsageLens.Server.Tests.Reliability;

/// <summary>Who may call an operation: ingestion takes writer and admin keys, reads admin, analyst and partner keys, admin reads admin keys only, public operations anyone.</summary>
internal enum OperationKind
{
    Ingest,
    Read,
    AdminRead,

    /// <summary>Open to any caller, with or without a key (health and metrics): still never another partner's data.</summary>
    Public,
}
