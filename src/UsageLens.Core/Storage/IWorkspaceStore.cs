using UsageLens.Core.Keys;
using UsageLens.Core.Users;

namespace UsageLens.Core.Storage;

/// <summary>An open workspace on one engine: what the server and the CLI read, write and authenticate with.</summary>
public interface IWorkspaceStore : IDisposable
{
    /// <summary>Where the workspace is, for messages (a file path or a clickhouse:// address).</summary>
    string Location { get; }

    IQueryStore Queries { get; }

    IIngestionStore Ingestion { get; }

    IApiKeyStore Keys { get; }

    /// <summary>The people who sign in to the dashboard.</summary>
    IUserStore Users { get; }

    /// <summary>Erasure of a person's or an account's data.</summary>
    Erasure.IErasureStore Erasures { get; }

    /// <summary>The record of scheduled report runs.</summary>
    Reports.IReportRunStore ReportRuns { get; }
}
