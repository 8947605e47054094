using UsageLens.Core;
using UsageLens.Core.Semantics;

namespace UsageLens.Questions;

/// <summary>
/// Every phrase a question may use, mapped to what it means. Built per workspace from the
/// built-in KPI synonyms, the metered events, the trait and property keys, the values the data
/// holds and the synonyms of the workspace configuration.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, List<Term>> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _wordLabels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _plainWords = new(StringComparer.Ordinal);

    // Words of account names: known, but neither suggested nor used to correct typos (there may be thousands).
    private readonly HashSet<string> _entityWords = new(StringComparer.Ordinal);
    private int _longest = 1;
    private static readonly HashSet<string> s_timeWords = [.. TimePhrase.Words];

    // Words with a grammatical role in questions; known, but never suggested for a typo.
    private static readonly string[] s_connectors =
    [
        "vs", "versus", "against", "compared", "comparing", "compare", "top", "bottom", "largest", "biggest", "smallest", "highest", "lowest", "best", "worst",
        "heaviest", "lightest", "excluding", "exclude", "except", "without", "excl", "not", "non", "but", "each", "every", "across", "how", "many", "over",
        "yoy", "mom", "qoq", "wow", "year-over-year", "month-over-month", "quarter-over-quarter", "week-over-week", "end", "start", "beginning",
        "q1", "q2", "q3", "q4", "percent", "pct", "date", "until", "till", "through", "thru", "ago", "earlier", "most", "valuable", "paying", "tenants", "orgs", "don't", "dont", "doesn't", "never",
    ];

    private Vocabulary()
    {
    }

    /// <summary>The metered events, by name.</summary>
    internal IReadOnlySet<string> Events { get; private set; } = new HashSet<string>();

    /// <summary>The words of each event name ("report", "generated"), which may follow the event's first word.</summary>
    internal IReadOnlyDictionary<string, IReadOnlySet<string>> EventWords { get; private set; } = new Dictionary<string, IReadOnlySet<string>>();

    public static Vocabulary Build(WorkspaceCatalog catalog, WorkspaceValues values, IReadOnlyDictionary<string, string>? synonyms = null, string synonymsSource = "the workspace configuration")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(values);
        var vocabulary = new Vocabulary();
        foreach (var (phrase, term) in BuiltInTerms.All)
        {
            vocabulary.Add(phrase, term);
        }
        vocabulary.AddEvents(catalog.MeterUnits.Keys);
        foreach (var key in catalog.AccountTraits)
        {
            vocabulary.Add(Words(key), new Term(TermKind.Dimension, $"account.{key}"));
        }
        foreach (var key in catalog.EventProperties)
        {
            vocabulary.Add(Words(key), new Term(TermKind.Dimension, $"properties.{key}"));
        }
        vocabulary._plainWords.UnionWith(FillerWords.All);
        vocabulary._plainWords.UnionWith(s_connectors);
        vocabulary._plainWords.UnionWith(ClauseReader.TrendWords);
        vocabulary.AddValues(values);
        foreach (var word in TimePhrase.Words)
        {
            vocabulary.Label(word, word, overwrite: false);
        }
        foreach (var (word, meaning) in synonyms ?? new Dictionary<string, string>())
        {
            vocabulary.Add(Words(word), vocabulary.Synonym(word, meaning, synonymsSource));
        }
        return vocabulary;
    }

    /// <summary>The longest known phrase starting at <paramref name="start"/>, with its meanings (more than one when it is ambiguous).</summary>
    internal (int Length, IReadOnlyList<Term> Terms) Match(IReadOnlyList<string> tokens, int start)
    {
        for (var length = Math.Min(_longest, tokens.Count - start); length >= 1; length--)
        {
            var key = string.Join(' ', Slice(tokens, start, length));
            if (_phrases.TryGetValue(key, out var terms))
            {
                return (length, terms);
            }
        }
        return (0, []);
    }

    /// <summary>The canonical names of the known words closest to <paramref name="word"/>, for "did you mean".</summary>
    internal IReadOnlyList<string> Suggest(string word)
    {
        var nearest = NearestNames.For(word, _wordLabels.Keys, 3);
        return nearest.SelectMany(w => _wordLabels[w]).Distinct(StringComparer.Ordinal).Take(3).ToList();
    }

    /// <summary>The one known word a typo is a single edit away from, or null when none or several are.</summary>
    internal string? Correction(string word)
    {
        if (word.Length < 5 || word.Any(char.IsDigit))
        {
            return null;
        }
        // A month is never a correction: "match" is not "march", "mays" not "may".
        var close = _wordLabels.Keys.Where(w => TimePhrase.Month(w) is null && Math.Abs(w.Length - word.Length) <= 1 && NearestNames.Distance(word, w) == 1).Take(2).ToList();
        return close.Count == 1 ? close[0] : null;
    }

    /// <summary>Whether a word is known at all: part of a phrase, a time word, a connector or a filler word.</summary>
    /// <summary>Whether a word only has a grammatical role (a connector such as "top" or "versus", or a time word), so it is never listed as ignored.</summary>
    internal static bool IsConnector(string word) => s_connectors.Contains(word) || ClauseReader.TrendWords.Contains(word) || s_timeWords.Contains(word);

    internal bool Knows(string word) => _wordLabels.ContainsKey(word) || _plainWords.Contains(word) || _entityWords.Contains(word);

    /// <summary>
    /// Whether a word is known only inside longer phrases ("trials" of "trials likely to convert"): on its
    /// own it means nothing, so it may still be a typo or plural of a word that does ("trial").
    /// </summary>
    internal bool OnlyInPhrases(string word) =>
        _wordLabels.ContainsKey(word) && !_phrases.ContainsKey(word) && !_plainWords.Contains(word) && !_entityWords.Contains(word);

    private void AddEvents(IEnumerable<string> events)
    {
        var names = events.ToHashSet(StringComparer.Ordinal);
        var words = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var firstWords = names.GroupBy(e => Words(e)[0]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var name in names)
        {
            var parts = Words(name);
            var term = new Term(TermKind.Metric, name);
            Add(name, term);
            Add(string.Join(' ', parts), term);
            Add(string.Join(' ', parts[..^1].Append(Plural(parts[^1]))), term);
            if (parts[^1].EndsWith('s') && parts[^1].Length > 3)
            {
                Add(string.Join(' ', parts[..^1].Append(parts[^1][..^1])), term);
            }
            if (parts.Length == 2 && parts[1].EndsWith("ed", StringComparison.Ordinal))
            {
                // "report_generated" is also "generated reports"; "storage_used" is also "used storage".
                Add($"{parts[1]} {Plural(parts[0])}", term);
                Add($"{parts[1]} {parts[0]}", term);
            }
            // A meter's first word alone names it when no other meter starts with it: "reports", "storage".
            if (parts.Length > 1 && firstWords[parts[0]] == 1)
            {
                Add(parts[0], term);
                Add(Plural(parts[0]), term);
            }
            foreach (var phrase in EventPhrases.For(name))
            {
                Add(phrase, term);
            }
            words[name] = parts.Skip(1).ToHashSet(StringComparer.Ordinal);
        }
        Events = names;
        EventWords = words;
    }

    private void AddValues(WorkspaceValues values)
    {
        foreach (var (dimension, list) in values.ByDimension)
        {
            // A trait value that is also a grammatical word ("all", "last") would change how questions read.
            foreach (var value in list.Where(v => v.Length <= 60 && !(dimension.StartsWith("account.", StringComparison.Ordinal) && IsGrammar(v))))
            {
                var term = new Term(TermKind.Value, value, Dimension: dimension);
                Add(Words(value), term);
                Add(Words(value.Replace('-', ' ')), term);
                // "SMBs", "enterprises": a plural names customers of a kind, which a plan is not.
                if (dimension != "plan" && Words(value) is [.. var head, var last] && !last.Any(char.IsDigit))
                {
                    Add([.. head, Plural(last)], term);
                }
            }
        }
        foreach (var (id, name) in values.Partners)
        {
            var term = new Term(TermKind.Value, id, Dimension: "partner_id");
            Add(Words(id), term);
            if (name.Length > 0)
            {
                var nameWords = Words(name);
                Add(nameWords, term);
                Add(nameWords[0], term);
            }
        }
        AddAccounts(values.Accounts);
        AddUsers(values.Users);
    }

    // A user is named by id, e-mail or full name; never by a first name alone, which many people share.
    private void AddUsers(IReadOnlyList<WorkspaceUser> users)
    {
        foreach (var user in users)
        {
            var term = new Term(TermKind.Value, user.Id, Dimension: "user_id");
            AddEntity(Words(user.Id), term);
            if (user.Email is { Length: > 0 } email)
            {
                AddEntity(Words(email), term);
            }
            if (user.Name is { Length: > 0 } name && Words(name) is { Length: >= 2 } words && !IsGrammar(name))
            {
                AddEntity(words, term);
            }
        }
    }

    // An account is named by its id, its CRM name, the name without its legal form ("Acme Robotics"
    // for "Acme Robotics GmbH") and, when nothing else is called so, the name's first word ("Acme").
    // Two accounts sharing a first word make it ambiguous, which the reader reports with both.
    private void AddAccounts(IReadOnlyList<(string Id, string Name)> accounts)
    {
        var shortNames = new List<(string[] Words, Term Term)>();
        foreach (var (id, name) in accounts)
        {
            var term = new Term(TermKind.Value, id, Dimension: "account_id");
            AddEntity(Words(id), term);
            var nameWords = Words(name);
            if (nameWords.Length == 0 || IsGrammar(name))
            {
                continue;
            }
            AddEntity(nameWords, term);
            var core = AccountNames.WithoutLegalForm(nameWords);
            if (core.Length > 0 && core.Length < nameWords.Length)
            {
                AddEntity(core, term);
            }
            shortNames.Add((core.Length > 0 ? core[..1] : nameWords[..1], term));
        }
        foreach (var (words, term) in shortNames)
        {
            var key = words[0];
            var known = _phrases.TryGetValue(key, out var terms) ? terms : null;
            if (key.Length >= 3 && !_plainWords.Contains(key) && !_wordLabels.ContainsKey(key) && !key.All(char.IsDigit)
                && (known is null || known.All(t => t.Dimension == "account_id")))
            {
                AddEntity(words, term);
            }
        }
    }

    private static bool IsGrammar(string value)
    {
        var words = Words(value);
        return words.Length == 0 || words.All(w => FillerWords.Contains(w) || s_connectors.Contains(w) || TimePhrase.Words.Contains(w) || w.All(char.IsDigit));
    }

    private Term Synonym(string word, string meaning, string source)
    {
        var path = $"{source}: questions.synonyms.{word}";
        var text = meaning.Trim();
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return new Term(TermKind.Value, text[(equals + 1)..].Trim(), Dimension: text[..equals].Trim());
        }
        if (Events.Contains(text))
        {
            return new Term(TermKind.Metric, text);
        }
        var kpi = Core.Kpis.KpiCatalog.All.FirstOrDefault(k => string.Equals(k.Definition.Name, text, StringComparison.OrdinalIgnoreCase));
        if (kpi is not null)
        {
            return new Term(TermKind.Kpi, kpi.Definition.Name);
        }
        var known = Events.Concat(Core.Kpis.KpiCatalog.All.Select(k => k.Definition.Name));
        throw new UsageLensException($"{path}: '{meaning}' is not a metered event, a KPI or dimension=value{NearestNames.Hint(text, known)}");
    }

    private void Add(string phrase, Term term) => Add(Words(phrase), term);

    private void Add(string[] words, Term term)
    {
        if (Insert(words, term))
        {
            foreach (var word in words)
            {
                Label(word, term.Kind == TermKind.Value ? term.Label : term.Name, overwrite: true);
            }
        }
    }

    private void AddEntity(string[] words, Term term)
    {
        if (Insert(words, term))
        {
            _entityWords.UnionWith(words);
        }
    }

    private bool Insert(string[] words, Term term)
    {
        if (words.Length == 0)
        {
            return false;
        }
        var key = string.Join(' ', words);
        if (!_phrases.TryGetValue(key, out var terms))
        {
            terms = [];
            _phrases[key] = terms;
        }
        if (!terms.Contains(term))
        {
            terms.Add(term);
        }
        _longest = Math.Max(_longest, words.Length);
        return true;
    }

    private void Label(string word, string label, bool overwrite)
    {
        if (!_wordLabels.TryGetValue(word, out var labels))
        {
            labels = new SortedSet<string>(StringComparer.Ordinal);
            _wordLabels[word] = labels;
        }
        if (overwrite || labels.Count == 0)
        {
            labels.Add(label);
        }
    }

    internal static string[] Words(string phrase) => [.. QuestionTokenizer.Split(phrase.Replace('_', ' '))];

    private static string Plural(string word) =>
        word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal) ? word + "es"
        : word.Length > 1 && word.EndsWith('y') && !"aeiou".Contains(word[^2], StringComparison.Ordinal) ? word[..^1] + "ies"
        : word + "s";

    private static IEnumerable<string> Slice(IReadOnlyList<string> tokens, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            yield return tokens[i];
        }
    }
}
