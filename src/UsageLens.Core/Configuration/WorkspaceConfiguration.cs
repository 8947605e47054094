using UsageLens.Core.Finance;

namespace UsageLens.Core.Configuration;

/// <summary>What a workspace's configuration file defines: rate plans by plan name.</summary>
public sealed record WorkspaceConfiguration(IReadOnlyDictionary<string, RatePlan> RatePlans)
{
    public static WorkspaceConfiguration Empty { get; } = new(new Dictionary<string, RatePlan>());
}
