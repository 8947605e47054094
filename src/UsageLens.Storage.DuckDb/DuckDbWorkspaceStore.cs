using UsageLens.Core.Keys;
using UsageLens.Core.Storage;
using UsageLens.Core.Users;
using UsageLens.Storage.DuckDb.Ingestion;
using UsageLens.Storage.DuckDb.Keys;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.DuckDb;

/// <summary>The embedded engine behind the engine-neutral ports. It owns and disposes the workspace.</summary>
public sealed class DuckDbWorkspaceStore(DuckDbWorkspace workspace, TimeProvider timeProvider) : IWorkspaceStore, IWorkspaceBackup
{
    private readonly DuckDbIngestionStore _ingestion = new(workspace);

    public DuckDbWorkspace Workspace => workspace;

    public string Location => workspace.Path;

    public IQueryStore Queries { get; } = new DuckDbQueryStore(workspace);

    public IIngestionStore Ingestion => _ingestion;

    public IApiKeyStore Keys { get; } = new ApiKeyStore(workspace, timeProvider);

    public Task<WorkspaceInspection> BackupAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult(DuckDbBackup.Write(workspace, path));
    public IUserStore Users { get; } = new UserStore(workspace, timeProvider);

    public Core.Erasure.IErasureStore Erasures { get; } = new Erasure.DuckDbErasureStore(workspace, timeProvider);

    public Core.Reports.IReportRunStore ReportRuns { get; } = new Reports.DuckDbReportRunStore(workspace);

    public void Dispose()
    {
        _ingestion.Dispose();
        workspace.Dispose();
    }
}
