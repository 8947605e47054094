namespace UsageLens.Insights;

/// <summary>
/// A computed insight that explains itself: the rule or model it applied, the figures it used, the
/// series it analysed (when it analysed one), each finding with its reason, and a summary in words.
/// </summary>
/// <param name="Insight">The insight's name, from the catalogue.</param>
/// <param name="AsOf">The day it was computed as of; nothing on or after it was read.</param>
/// <param name="Method">The rule or model, in words, with its parameters.</param>
/// <param name="Summary">The answer in plain words.</param>
public sealed record InsightResult(string Insight, DateOnly AsOf, string Method, string Summary)
{
    /// <summary>The figures the insight used and computed (parameters, fitted values, counts).</summary>
    public IReadOnlyList<InsightValue> Figures { get; init; } = [];

    /// <summary>The series it analysed, when it analysed one.</summary>
    public IReadOnlyList<InsightPoint> Series { get; init; } = [];

    /// <summary>What it found, strongest first.</summary>
    public IReadOnlyList<InsightFinding> Findings { get; init; } = [];

    /// <summary>The SQL statements that ran, in order.</summary>
    public IReadOnlyList<string> Sql { get; init; } = [];
}
