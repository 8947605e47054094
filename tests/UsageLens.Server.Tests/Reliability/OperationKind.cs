namespace UsageLens.Server.Tests.Reliability;

/// <summary>Who may call an operation: ingestion takes writer and admin keys, reads admin, analyst and partner keys, admin reads admin keys only.</summary>
internal enum OperationKind
{
    Ingest,
    Read,
    AdminRead,
}
