using UsageLens.Core.Keys;
using UsageLens.Core.Storage;
using UsageLens.Core.Users;
using UsageLens.Storage.ClickHouse.Ingestion;
using UsageLens.Storage.ClickHouse.Keys;
using UsageLens.Storage.ClickHouse.Querying;

namespace UsageLens.Storage.ClickHouse;

/// <summary>A ClickHouse workspace behind the engine-neutral ports. It owns and disposes the workspace.</summary>
public sealed class ClickHouseWorkspaceStore(ClickHouseWorkspace workspace, TimeProvider timeProvider) : IWorkspaceStore
{
    private readonly ClickHouseIngestionStore _ingestion = new(workspace, timeProvider);

    public ClickHouseWorkspace Workspace => workspace;

    /// <summary>The clock that versions profiles written to this workspace, copies included.</summary>
    internal TimeProvider TimeProvider => timeProvider;

    public string Location => workspace.Address.ToString();

    public IQueryStore Queries { get; } = new ClickHouseQueryStore(workspace);

    public IIngestionStore Ingestion => _ingestion;

    public IApiKeyStore Keys { get; } = new ClickHouseApiKeyStore(workspace, timeProvider);

    public IUserStore Users { get; } = new ClickHouseUserStore(workspace, timeProvider);

    public Core.Erasure.IErasureStore Erasures { get; } = new Erasure.ClickHouseErasureStore(workspace, timeProvider);

    public Core.Reports.IReportRunStore ReportRuns { get; } = new Reports.ClickHouseReportRunStore(workspace, timeProvider);

    public void Dispose()
    {
        _ingestion.Dispose();
        workspace.Dispose();
    }
}
