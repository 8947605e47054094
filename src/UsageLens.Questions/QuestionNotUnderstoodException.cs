namespace UsageLens.Questions;

/// <summary>
/// A question the parser cannot place: an unknown word (with the nearest known terms) or two
/// equally plausible readings (listed). The CLI exits 1 and the API answers 400 with both lists.
/// </summary>
public sealed class QuestionNotUnderstoodException : Exception
{
    public QuestionNotUnderstoodException(string message, IReadOnlyList<string> suggestions, IReadOnlyList<string> readings)
        : base(message)
    {
        Suggestions = suggestions;
        Readings = readings;
    }

    public QuestionNotUnderstoodException() : this("the question was not understood", [], [])
    {
    }

    public QuestionNotUnderstoodException(string message) : this(message, [], [])
    {
    }

    public QuestionNotUnderstoodException(string message, Exception innerException) : base(message, innerException)
    {
        Suggestions = [];
        Readings = [];
    }

    /// <summary>Known terms close to the unknown word.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>The readings of an ambiguous question.</summary>
    public IReadOnlyList<string> Readings { get; }

    public bool IsAmbiguous => Readings.Count > 0;

    public static QuestionNotUnderstoodException Unknown(string word, IReadOnlyList<string> suggestions) =>
        new(suggestions.Count == 0
            ? $"unknown term '{word}'"
            : $"unknown term '{word}' — did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?", suggestions, []);

    public static QuestionNotUnderstoodException Ambiguous(string what, IReadOnlyList<string> readings) =>
        new($"ambiguous: '{what}' could mean {string.Join(" or ", readings)}", [], readings);
}
