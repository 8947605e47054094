namespace UsageLens.Questions;

/// <summary>A question understood: its asks, the interpretation in words, and any typo the parser corrected.</summary>
public sealed record StructuredQuery(string Question, IReadOnlyList<QueryAsk> Asks, string Interpretation)
{
    /// <summary>Words read as a known word one edit away, such as "retension" as "retention".</summary>
    public IReadOnlyList<string> Corrections { get; init; } = [];

    /// <summary>Words that carried no meaning the parser could place; the asks were read without them.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>How sure the reading is, from 0 to 1: the share of the words understood, less a little per corrected typo.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>Who read the question: <c>parser</c> (offline, the default) or <c>language model</c>.</summary>
    public string ReadBy { get; init; } = "parser";
}
