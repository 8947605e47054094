using UsageLens.Core.Kpis;
using UsageLens.Server.GroupCommit;

namespace UsageLens.Server.Workspace;

/// <summary>
/// The KPI context a scheduled report or alert run reads: the catalog cache's, once every event acknowledged before
/// the run began is merged, as an API read gets it (<see cref="ReadsAfterAcknowledgedWrites"/>).
/// </summary>
internal sealed class ScheduledRunContexts(WorkspaceCatalogCache catalogs, GroupCommitWriter writer, ServerOptions options)
{
    public async Task<KpiContext> KpiContextAsync(CancellationToken cancellationToken)
    {
        await writer.AcknowledgedMergedAsync(cancellationToken).ConfigureAwait(false);
        return await catalogs.KpiContextAsync(options.Configuration, cancellationToken).ConfigureAwait(false);
    }
}
