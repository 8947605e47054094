namespace UsageLens.Core.Semantics;

/// <summary>Suggestions for a name that is not known: the candidates within a small edit distance, closest first.</summary>
public static class NearestNames
{
    public static IReadOnlyList<string> For(string name, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        var needle = name.ToLowerInvariant();
        var limit = Math.Max(2, needle.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(needle, c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit || c.Name.StartsWith(needle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>" (did you mean 'a' or 'b'?)", or empty when nothing is close.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var nearest = For(name, candidates);
        return nearest.Count == 0 ? "" : $" (did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?)";
    }

    /// <summary>
    /// The optimal string alignment distance: Levenshtein plus adjacent transpositions, the usual typo.
    /// The questions parser uses it to correct one-edit typos of known words.
    /// </summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
