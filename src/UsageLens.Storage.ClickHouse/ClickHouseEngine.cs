using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Http;
using UsageLens.Storage.ClickHouse.Migration;

namespace UsageLens.Storage.ClickHouse;

/// <summary>
/// ClickHouse over HTTP: one server or a sharded cluster, named <c>clickhouse://host:8123/database</c>
/// (see <see cref="ClickHouseAddress"/>). Files and the demo reach it as a copy of the DuckDB workspace
/// they were staged in, through <see cref="WorkspaceMigration"/>.
/// </summary>
public sealed class ClickHouseEngine : IWorkspaceEngine
{
    public string Name => "ClickHouse";

    public bool TakesCopies => true;

    public bool Accepts(string address) => ClickHouseAddress.IsClickHouse(address);

    /// <summary>Always: opening a ClickHouse workspace creates its database and tables where missing.</summary>
    public bool Exists(string address) => true;

    public Task<WorkspaceInspection> InspectAsync(string address, CancellationToken cancellationToken) =>
        Schema.ClickHouseInspection.InspectAsync(ClickHouseAddress.Parse(address), cancellationToken);

    public async Task<IWorkspaceStore> OpenAsync(string address, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        new ClickHouseWorkspaceStore(await ClickHouseWorkspace.OpenAsync(ClickHouseAddress.Parse(address), cancellationToken).ConfigureAwait(false), timeProvider);

    public Task<MigrationOutcome> CopyAsync(IQueryStore source, IWorkspaceStore target, CopyMode mode, IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var clickHouse = target as ClickHouseWorkspaceStore
            ?? throw new ArgumentException($"the target is not a ClickHouse workspace but {target?.GetType().Name}", nameof(target));
        var migration = new WorkspaceMigration(source, clickHouse.Workspace, clickHouse.TimeProvider) { AsImport = mode == CopyMode.Import };
        return migration.RunAsync(progress, cancellationToken);
    }

    public string? Explain(Exception exception) =>
        exception is ClickHouseException or ClickHouseUnavailableException ? exception.Message : null;
}
