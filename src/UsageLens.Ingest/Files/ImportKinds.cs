using UsageLens.Core;

namespace UsageLens.Ingest.Files;

/// <summary>The command-line words for <see cref="ImportKind"/>: <c>events</c>, <c>accounts</c>, <c>users</c>, <c>subscriptions</c>, <c>nps</c>.</summary>
public static class ImportKinds
{
    private static readonly (string Word, ImportKind Kind)[] s_words =
    [
        ("events", ImportKind.Events),
        ("accounts", ImportKind.Accounts),
        ("users", ImportKind.Users),
        ("subscriptions", ImportKind.Subscriptions),
        ("nps", ImportKind.Nps),
    ];

    /// <summary>All command-line words, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> Words { get; } = s_words.Select(w => w.Word).ToArray();

    /// <summary>The word for <paramref name="kind"/>, as used in messages and on the command line.</summary>
    public static string Word(ImportKind kind) => s_words.First(w => w.Kind == kind).Word;

    /// <summary>Parses a command-line word (case-insensitive); an unknown word is a <see cref="UsageLensException"/> listing the valid ones.</summary>
    public static ImportKind Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var (candidate, kind) in s_words)
        {
            if (string.Equals(candidate, word.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        throw new UsageLensException($"unknown import kind '{word}'; use one of {string.Join(", ", Words)}");
    }
}
