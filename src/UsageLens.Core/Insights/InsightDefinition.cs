namespace UsageLens.Core.Insights;

/// <summary>
/// An insight kind as questions, the language-model validator and the insights module know it: its
/// name (<c>churn-risk</c>), title, what it finds, the phrases a question may name it by and the
/// parameters an ask of it may carry.
/// </summary>
public sealed record InsightDefinition(string Name, string Title, string Description)
{
    /// <summary>The phrases a question may name the insight by ("at risk of churning").</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    public IReadOnlyList<InsightParameter> Parameters { get; init; } = [];
}
