namespace UsageLens.Core.Configuration;

/// <summary>
/// How the health insight scores accounts (<c>health</c> in the workspace configuration file):
/// each component's weight (0 leaves it out), the metric the usage trend reads, and the band cut-offs.
/// </summary>
public sealed record HealthSettings
{
    public static HealthSettings Default { get; } = new();

    /// <summary>The components by name (<see cref="Components"/>) and their weights; any non-negative numbers, renormalised when scoring.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["usage_trend"] = 25,
        ["feature_breadth"] = 15,
        ["seat_utilization"] = 20,
        ["login_recency"] = 15,
        ["nps"] = 10,
        ["mrr_movement"] = 15,
    };

    /// <summary>The metered event the usage trend compares; null compares every meter.</summary>
    public string? UsageMetric { get; init; }

    /// <summary>The score from which an account is healthy (default 70).</summary>
    public double Healthy { get; init; } = 70;

    /// <summary>The score below which an account is at risk (default 40).</summary>
    public double AtRisk { get; init; } = 40;

    /// <summary>The component names the weights may use.</summary>
    public static IReadOnlyList<string> Components { get; } = ["usage_trend", "feature_breadth", "seat_utilization", "login_recency", "nps", "mrr_movement"];
}
