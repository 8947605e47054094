namespace UsageLens.Insights.Health;

/// <summary>An account's health as of a day: the weighted mean of its graded components, its band, and every component.</summary>
internal sealed record HealthScore(string Account, double Score, string Band, IReadOnlyList<HealthGrade> Grades)
{
    /// <summary>The weight of the components graded, out of all weights above 0 (less than 1 when some were skipped).</summary>
    public double WeightShare { get; init; } = 1;
}
