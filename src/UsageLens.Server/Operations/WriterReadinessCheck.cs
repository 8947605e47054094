using Microsoft.Extensions.Diagnostics.HealthChecks;
using UsageLens.Server.GroupCommit;

namespace UsageLens.Server.Operations;

/// <summary>Ready when the group-commit writer takes requests: started, not stopping, and its queue not full.</summary>
internal sealed class WriterReadinessCheck(GroupCommitWriter writer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(writer.NotAcceptingReason() is { } reason
            ? HealthCheckResult.Unhealthy(reason)
            : HealthCheckResult.Healthy($"the group-commit writer takes requests ({writer.QueueDepth} waiting)"));
}
