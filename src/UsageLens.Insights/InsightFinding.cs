namespace UsageLens.Insights;

/// <summary>
/// One thing an insight found: what it is about (an account, or <c>workspace</c>), what kind of
/// finding it is, how strongly it holds, why in plain words, and the figures behind it.
/// </summary>
/// <param name="Subject">The account the finding is about, or <c>workspace</c>.</param>
/// <param name="Kind">The kind of finding, such as <c>spike</c> or <c>level-shift</c>.</param>
/// <param name="Score">How strong the finding is; findings are listed strongest first.</param>
/// <param name="Why">Why it is listed, in plain words.</param>
public sealed record InsightFinding(string Subject, string Kind, double Score, string Why)
{
    /// <summary>The figures behind the finding, in a fixed order for each insight.</summary>
    public IReadOnlyList<InsightValue> Values { get; init; } = [];
}
