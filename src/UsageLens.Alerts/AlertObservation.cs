using UsageLens.Insights;

namespace UsageLens.Alerts;

/// <summary>
/// What one evaluation saw for one subject of a rule (an account, a finding, or <c>workspace</c>): its
/// state now, which the log keeps to detect the next change, and whether that state fires the rule.
/// </summary>
internal sealed record AlertObservation(string Subject, string State, bool Fires, string Summary)
{
    /// <summary>The figures behind it, sent in the payload's <c>values</c>.</summary>
    public IReadOnlyList<InsightValue> Values { get; init; } = [];
}
