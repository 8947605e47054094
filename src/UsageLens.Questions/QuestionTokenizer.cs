using System.Text;

namespace UsageLens.Questions;

/// <summary>
/// Splits a question into lower-case words. Punctuation separates words and carries no meaning,
/// except <c>%</c> and <c>/</c> (as in "20%" and "DAU/MAU"), which become words of their own; an underscore separates words, so "api_call" reads as "api call".
/// A possessive "'s" is dropped: "Northwind's customers" are Northwind customers.
/// </summary>
internal static class QuestionTokenizer
{
    public static IReadOnlyList<string> Split(string question)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var raw in question)
        {
            var c = raw is '\u2019' or '\u2018' ? '\'' : raw;
            if (char.IsLetterOrDigit(c) || c is '-' or '.' or '\'' || char.IsSurrogate(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush(word, tokens);
            if (c is '%' or '/')
            {
                tokens.Add(c.ToString());
            }
        }
        Flush(word, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }
        var text = word.ToString();
        word.Clear();
        if (text.EndsWith("'s", StringComparison.Ordinal))
        {
            text = text[..^2];
        }
        text = text.Trim('\'', '.', '-');
        // A run of dashes or dots alone ("--", "...") is punctuation, not a word.
        if (text.Length > 0)
        {
            tokens.Add(text);
        }
    }
}
