namespace UsageLens.Questions;

/// <summary>How people shorten company names: without the legal form ("Ltd", "GmbH", "Inc.") at the end.</summary>
internal static class AccountNames
{
    private static readonly HashSet<string> s_legalForms =
    [
        "ltd", "limited", "gmbh", "ag", "sas", "sa", "s.a", "b.v", "bv", "n.v", "nv", "pty", "pte", "k.k", "kk", "ltda", "s.a. de c.v", "de", "c.v",
        "inc", "incorporated", "llc", "llp", "plc", "corp", "corporation", "co", "company", "srl", "spa", "oy", "ab", "as", "aps",
    ];

    /// <summary>The name's words up to its legal form: "acme robotics gmbh" → "acme robotics".</summary>
    public static string[] WithoutLegalForm(string[] words)
    {
        var end = words.Length;
        while (end > 1 && s_legalForms.Contains(words[end - 1]))
        {
            end--;
        }
        return words[..end];
    }
}
