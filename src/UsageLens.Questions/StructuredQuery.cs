namespace UsageLens.Questions;

/// <summary>A question understood: its asks, the interpretation in words, and any typo the parser corrected.</summary>
public sealed record StructuredQuery(string Question, IReadOnlyList<QueryAsk> Asks, string Interpretation)
{
    /// <summary>Words read as a known word one edit away, such as "retension" as "retention".</summary>
    public IReadOnlyList<string> Corrections { get; init; } = [];

    /// <summary>Who read the question: <c>parser</c> (offline, the default) or <c>language model</c>.</summary>
    public string ReadBy { get; init; } = "parser";
}
