using UsageLens.Core;

namespace UsageLens.Questions;

/// <summary>The checks a question passes before it is read: not empty, not too long, printable text only.</summary>
public static class QuestionText
{
    /// <summary>The longest question accepted; real questions are a sentence or two.</summary>
    public const int MaxLength = 1000;

    public static string Check(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new UsageLensException("the question is empty: ask something like \"api calls last month\"");
        }
        if (question.Length > MaxLength)
        {
            throw new UsageLensException($"the question is {question.Length} characters long; at most {MaxLength} are accepted");
        }
        for (var i = 0; i < question.Length; i++)
        {
            var c = question[i];
            // Tabs and line breaks are whitespace people paste; other control characters mean binary input.
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                throw new UsageLensException($"the question contains a control character (U+{(int)c:X4}); send plain text");
            }
            if (char.IsHighSurrogate(c) && i + 1 < question.Length && char.IsLowSurrogate(question[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new UsageLensException("the question is not valid text (a broken UTF-16 surrogate)");
            }
        }
        return question.Trim();
    }
}
