using Microsoft.Extensions.Diagnostics.HealthChecks;
using UsageLens.Core.Storage;

namespace UsageLens.Server.Operations;

/// <summary>
/// Ready when the workspace answers a read of its catalogue (meters, keys, values) within a few seconds: the
/// store is reachable and its tables are the migrated ones the catalogue reads.
/// </summary>
internal sealed class WorkspaceReadinessCheck(IQueryStore queries) : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await queries.GetCatalogAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the workspace answers");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the workspace did not answer within {s_timeout.TotalSeconds:0} seconds");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the workspace cannot be read: {ex.Message.Split('\n')[0].Trim()}");
        }
    }
}
