using UsageLens.Core.Kpis;

namespace UsageLens.Questions;

/// <summary>
/// Turns a question into a <see cref="StructuredQuery"/>, offline and deterministically: the words
/// come from the workspace's <see cref="Vocabulary"/>, the dates from <paramref name="today"/>.
/// </summary>
public sealed class QuestionParser(Vocabulary vocabulary, DateOnly today, DayOfWeek weekStart = DayOfWeek.Monday)
{
    private readonly TimePhrase _time = new(today, weekStart);

    public StructuredQuery Parse(string question)
    {
        var text = QuestionText.Check(question);
        var (tokens, corrections) = Correct(QuestionTokenizer.Split(text));
        var drafts = Clauses(tokens).Select(c => new ClauseReader(vocabulary, _time, c).Read()).ToList();
        // An ask without a period shares the one another ask names ("... last month and the top 20% ...").
        var shared = drafts.Select(d => d.Period).FirstOrDefault(p => p is not null) ?? _time.Read(["last", "month"], 0)!;
        // Likewise filters: "stickiness and seat utilization for enterprise customers" are both about enterprise.
        var filters = drafts.FirstOrDefault(d => d.Filters.Count > 0)?.Filters ?? [];
        foreach (var draft in drafts.Where(d => d.Filters.Count == 0 && d.CompareValues.Count == 0))
        {
            draft.Filters.AddRange(filters);
        }
        // "... total api calls and the share from the top 10%": a share without a metric is a share of the metric named before.
        var metrics = drafts.FirstOrDefault(d => d.Metrics.Count > 0)?.Metrics ?? [];
        foreach (var draft in drafts.Where(d => d.Share && d.Top is not null && d.Metrics.Count == 0 && d.Kpis.Count == 0))
        {
            draft.Metrics.AddRange(metrics);
        }
        var asks = drafts.SelectMany(d => AskBuilder.Build(d, d.Period ?? shared, today, vocabulary.Suggest)).ToList();
        var ignored = drafts.SelectMany(d => d.Ignored).Distinct(StringComparer.Ordinal).ToList();
        var interpretation = Interpretation.Of(asks, weekStart) + (ignored.Count == 0 ? "" : $" · ignored: {string.Join(", ", ignored)}");
        return new StructuredQuery(text, asks, interpretation)
        {
            Corrections = corrections,
            Ignored = ignored,
            Confidence = Confidence(tokens.Count, drafts.Sum(d => d.Ignored.Count), corrections.Count),
        };
    }

    // The share of the question's words that were understood, less a little for each corrected typo:
    // 1 when every word was placed, lower the more the reading rests on words left out or guessed.
    private static double Confidence(int words, int ignored, int corrected) =>
        words == 0 ? 0 : Math.Round(Math.Max(0.1, ((double)(words - ignored) / words) - (0.05 * corrected)), 2);

    // A word one edit from exactly one known word is read as that word ("retension"); the
    // interpretation lists the correction, so nothing is changed silently.
    private (IReadOnlyList<string> Tokens, IReadOnlyList<string> Corrections) Correct(IReadOnlyList<string> tokens)
    {
        var corrected = tokens.ToList();
        var notes = new List<string>();
        for (var i = 0; i < corrected.Count; i++)
        {
            var word = corrected[i];
            if (IsNumberOrDate(word) || (vocabulary.Knows(word) && (!vocabulary.OnlyInPhrases(word) || InPhrase(corrected, i))))
            {
                continue;
            }
            if (vocabulary.Correction(word) is { } known)
            {
                corrected[i] = known;
                notes.Add($"'{word}' read as '{known}'");
            }
        }
        return (corrected, notes);
    }

    // Whether a known phrase starting at or before position i runs through it.
    private bool InPhrase(IReadOnlyList<string> tokens, int i)
    {
        for (var start = 0; start <= i; start++)
        {
            if (vocabulary.Match(tokens, start).Length > i - start)
            {
                return true;
            }
        }
        return false;
    }

    // "and" starts a new ask when both sides name something to measure; otherwise it joins words of one ask.
    private List<IReadOnlyList<string>> Clauses(IReadOnlyList<string> tokens)
    {
        var measures = new bool[tokens.Count];
        var inside = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count;)
        {
            var (length, terms) = vocabulary.Match(tokens, i);
            if (length == 0)
            {
                i++;
                continue;
            }
            measures[i] = terms.Any(t => t.Kind is TermKind.Kpi or TermKind.Metric or TermKind.Insight);
            for (var j = i; j < i + length; j++)
            {
                inside[j] = true;
            }
            i += length;
        }
        var clauses = new List<IReadOnlyList<string>>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] != "and" || inside[i] || !Any(measures, start, i) || !Any(measures, i + 1, NextAnd(tokens, i + 1)))
            {
                continue;
            }
            clauses.Add([.. tokens.Skip(start).Take(i - start)]);
            start = i + 1;
        }
        clauses.Add([.. tokens.Skip(start)]);
        return clauses;
    }

    private static int NextAnd(IReadOnlyList<string> tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            if (tokens[i] == "and")
            {
                return i;
            }
        }
        return tokens.Count;
    }

    private static bool Any(bool[] flags, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (flags[i])
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsNumberOrDate(string word) => word.All(c => char.IsDigit(c) || c is '-' or '.') || word is "%" or "/";

    /// <summary>The KPI names the parser can produce, for documentation and checks.</summary>
    public static IEnumerable<string> KpiNames => KpiCatalog.All.Select(k => k.Definition.Name);
}
