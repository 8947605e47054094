using System.Globalization;

namespace UsageLens.Questions;

/// <summary>
/// Reads one clause of a question word by word into an <see cref="AskDraft"/>. Every word is either
/// part of a recognised phrase, a filler word of <see cref="FillerWords"/>, or an error.
/// </summary>
internal sealed class ClauseReader(Vocabulary vocabulary, TimePhrase time, IReadOnlyList<string> tokens)
{
    private static readonly HashSet<string> s_customerNouns = ["customers", "customer", "accounts", "account", "clients", "client", "companies", "company", "orgs", "organisations", "organizations", "tenants"];
    private static readonly HashSet<string> s_compare = ["vs", "versus", "against", "compared", "comparing", "compare"];
    private static readonly HashSet<string> s_negations = ["excluding", "exclude", "except", "without", "excl", "not", "non", "but", "outside"];
    private static readonly HashSet<string> s_compareVerbs = ["compare", "comparing"];

    // Words asking how a measure moved over a period: the trend insight answers them.
    internal static readonly HashSet<string> TrendWords =
    [
        "trend", "trends", "trending", "trended", "change", "changed", "changes", "changing", "grow", "grew", "grown", "growing",
        "increase", "increased", "increasing", "decrease", "decreased", "decreasing", "decline", "declined", "declining",
        "evolve", "evolved", "evolving", "evolution", "improve", "improved", "improving", "worsen", "worsened", "worsening",
        "rising", "risen", "falling", "fallen", "dropping", "going", "trajectory",
    ];
    private static readonly HashSet<string> s_rankWords = ["top", "bottom", "largest", "biggest", "smallest", "highest", "lowest", "best", "worst", "heaviest", "lightest"];
    private static readonly HashSet<string> s_groupWords = ["by", "per", "each", "every", "across", "between"];
    private static readonly HashSet<string> s_plainGroupDimensions = ["segment", "region", "plan", "partner_id", "product"];

    private readonly AskDraft _draft = new();
    private bool _negate;

    public AskDraft Read()
    {
        var i = 0;
        while (i < tokens.Count)
        {
            i += Step(i);
        }
        return _draft;
    }

    private int Step(int i)
    {
        var word = tokens[i];
        if (Shift(i) is { } shift)
        {
            return shift;
        }
        if (s_compare.Contains(word))
        {
            return Comparison(i);
        }
        if (IsTrendWord(i))
        {
            _draft.Trend = true;
            return 1;
        }
        if (time.Read(tokens, i) is { } period)
        {
            SetPeriod(period);
            return period.Length;
        }
        if (s_rankWords.Contains(word) && vocabulary.Match(tokens, i).Length < 2 && RankedAccounts(i) is { } rankLength)
        {
            return rankLength;
        }
        if (s_groupWords.Contains(word) && Breakdown(i + 1) is { } groupLength)
        {
            return 1 + groupLength;
        }
        if (word == "over" && At(i + 1) == "time")
        {
            _draft.GrainOverTime = true;
            return 2;
        }
        if (word == "how" && At(i + 1) == "many" && At(i + 2) is "users" or "people" or "accounts" or "customers" or "companies" or "clients")
        {
            _draft.Distinct = At(i + 2) is "users" or "people" ? "users" : "accounts";
            return 3;
        }
        if (word is "distinct" or "unique" && At(i + 1) is "users" or "people" or "accounts" or "customers")
        {
            // "distinct users exporting": count the users (or accounts) of the metric, not its quantity.
            _draft.Distinct = At(i + 1) is "users" or "people" ? "users" : "accounts";
            return 2;
        }
        if (word is "don't" or "dont" or "doesn't" or "never" or "not" && LaterUse(i) && tokens.Any(t => t is "features" or "feature"))
        {
            // "which features do smb customers not use": the negated use asks for feature gaps.
            _draft.Insight = Core.Insights.InsightCatalog.FeatureGaps;
            return 1;
        }
        if (s_negations.Contains(word) && vocabulary.Match(tokens, i).Length == 0)
        {
            _negate = true;
            return 1;
        }
        if (word.StartsWith("non-", StringComparison.Ordinal) && word.Length > 4)
        {
            return NonValue(i, word[4..]);
        }
        var (length, terms) = vocabulary.Match(tokens, i);
        if (length > 0)
        {
            Place(i, length, terms);
            return length + TrailingDimensionWord(i + length, terms);
        }
        if (FillerWords.Contains(word) || IsEventWord(word) || Vocabulary.IsConnector(word))
        {
            return 1;
        }
        if (i > 0 && s_groupWords.Contains(tokens[i - 1]) && tokens[i - 1] != "across")
        {
            // "revenue per widget", "by colour": a breakdown by something unknown cannot be left out.
            throw QuestionNotUnderstoodException.Unknown(word, vocabulary.Suggest(word));
        }
        // A word that cannot be placed is left out and listed; the question is refused only when
        // what remains is not a complete query (see AskBuilder).
        _draft.Ignored.Add(word);
        return 1;
    }

    // "year over year", "month-over-month", "YoY": compare with the same period one unit earlier.
    private int? Shift(int i)
    {
        var word = tokens[i];
        var unit = word switch
        {
            "yoy" or "year-over-year" => Core.Sql.Grain.Year,
            "mom" or "month-over-month" => Core.Sql.Grain.Month,
            "qoq" or "quarter-over-quarter" => Core.Sql.Grain.Quarter,
            "wow" or "week-over-week" => Core.Sql.Grain.Week,
            _ => (Core.Sql.Grain?)null,
        };
        if (unit is not null)
        {
            _draft.CompareShift = unit;
            return 1;
        }
        if (TimePhrase.Unit(word) is { } over && At(i + 1) == "over" && TimePhrase.Unit(At(i + 2)) == over)
        {
            _draft.CompareShift = over;
            return 3;
        }
        return null;
    }

    // "growth" is also a plan: it reads as a change only after a measure and when no dimension word or comparison settles it as the plan.
    private bool IsTrendWord(int i)
    {
        var word = tokens[i];
        if (word == "growth")
        {
            var (length, terms) = vocabulary.Match(tokens, i);
            if (length > 1 || (terms.Count > 0 && !_draft.HasMeasure))
            {
                return false;
            }
            var next = At(i + 1) ?? "";
            var (_, after) = vocabulary.Match(tokens, i + 1);
            return !(after.Any(t => t.Kind == TermKind.Dimension) || s_compare.Contains(next) || s_customerNouns.Contains(next));
        }
        return TrendWords.Contains(word) && vocabulary.Match(tokens, i).Length == 0;
    }

    private void SetPeriod(TimeMatch period)
    {
        if (_draft.Period is { } earlier && (earlier.From, earlier.To) != (period.From, period.To))
        {
            throw QuestionNotUnderstoodException.Ambiguous("two periods",
                [$"{Interpretation.Dates(earlier.From, earlier.To)}", $"{Interpretation.Dates(period.From, period.To)}"]);
        }
        _draft.Period = period;
    }

    // "vs the month before", "compared to last year", "enterprise vs smb".
    private int Comparison(int i)
    {
        var next = i + 1;
        var verb = s_compareVerbs.Contains(tokens[i]);
        _draft.CompareVerb |= verb;
        if (At(next) is "to" or "with")
        {
            next++;
        }
        while (At(next) is "the" or "a")
        {
            next++;
        }
        var (length, terms) = vocabulary.Match(tokens, next);
        if (length > 0 && terms.All(t => t.Kind == TermKind.Value))
        {
            var earlier = _draft.Filters.LastOrDefault();
            if (verb && !terms.Any(t => t.Dimension == earlier.Dimension))
            {
                // "compare Northwind vs Contoso": the first value comes after the verb.
                return 1;
            }
            var term = terms.FirstOrDefault(t => t.Dimension == earlier.Dimension) ?? Single(terms, next, length);
            if (earlier.Dimension != term.Dimension)
            {
                throw new QuestionNotUnderstoodException($"'{string.Join(' ', tokens.Skip(next).Take(length))}' is compared with nothing of the same kind: write, for example, 'enterprise vs smb'");
            }
            if (_draft.CompareValues.Count == 0)
            {
                _draft.CompareValues.Add(earlier.Value);
            }
            _draft.CompareValues.Add(term.Name);
            return next - i + length + TrailingDimensionWord(next + length, [term]);
        }
        var main = _draft.Period ?? time.Read(["last", "month"], 0)!;
        var compare = time.ReadComparison(tokens, next, main.From, main.To);
        if (compare is null && verb)
        {
            // "compare api calls across segments": the verb alone; what is compared follows.
            return 1;
        }
        compare = compare
            ?? throw new QuestionNotUnderstoodException($"'{tokens[i]}' must be followed by a period (\"the month before\", \"last year\") or a value (\"smb\")");
        _draft.Compare = compare;
        return next - i + compare.Length;
    }

    // "top 20% of customers by revenue", "bottom 5 by api calls", "top 10 accounts".
    private int? RankedAccounts(int i)
    {
        var next = i + 1;
        string amount;
        if (Number(At(next)) is { } n)
        {
            next++;
            if (At(next) is "%" or "percent" or "pct")
            {
                amount = $"{n}%";
                next++;
            }
            else
            {
                amount = n;
            }
        }
        else if (s_customerNouns.Contains(At(next) ?? ""))
        {
            amount = "10";
        }
        else
        {
            return null;
        }
        while (At(next) is "of" or "our" or "the" or "most" or "valuable" or "paying" || s_customerNouns.Contains(At(next) ?? ""))
        {
            next++;
        }
        var bottom = tokens[i] is "bottom" or "smallest" or "lowest" or "worst" or "lightest";
        if (bottom)
        {
            _draft.Bottom = amount;
        }
        else
        {
            _draft.Top = amount;
        }
        if (At(next) is "by" or "in")
        {
            var (length, terms) = vocabulary.Match(tokens, next + 1);
            var ranking = terms.FirstOrDefault(t => t.Kind == TermKind.Ranking);
            var metric = terms.FirstOrDefault(t => t.Kind == TermKind.Metric);
            if (ranking is not null || metric is not null)
            {
                _draft.RankBy = ranking?.Name ?? metric!.Name;
                _draft.RankByMetric = ranking is null;
                return next + 1 + length - i;
            }
            if (length > 0 && terms.Any(t => t.Kind == TermKind.Kpi))
            {
                // "top 10 accounts by seat utilization": list that KPI per account.
                return next + 1 - i;
            }
        }
        return next - i;
    }

    // After "by"/"per"/"each": a grain ("week") or a dimension ("segment"), else null (the word is filler).
    private int? Breakdown(int i)
    {
        if (At(i) is "the" or "a")
        {
            i++;
            return Breakdown(i) is { } n ? n + 1 : null;
        }
        if (TimePhrase.Unit(At(i)) is { } unit && !(At(i + 1) is "to" && At(i + 2) is "date"))
        {
            _draft.Grain = unit.ToString().ToLowerInvariant();
            return 1;
        }
        var (length, terms) = vocabulary.Match(tokens, i);
        if (terms.FirstOrDefault(t => t.Kind == TermKind.Grain) is { } grain)
        {
            _draft.Grain = grain.Name;
            return length;
        }
        if (terms.FirstOrDefault(t => t.Kind == TermKind.Dimension) is { } dimension)
        {
            AddGroup(dimension.Name);
            return length;
        }
        return null;
    }

    private void Place(int i, int length, IReadOnlyList<Term> terms)
    {
        var kinds = terms.Select(t => t.Kind).Distinct().ToList();
        if (kinds.Contains(TermKind.Kpi))
        {
            _draft.Kpis.AddRange(terms.Where(t => t.Kind == TermKind.Kpi));
            return;
        }
        var term = terms.All(t => t.Kind == TermKind.Value) ? Single(terms, i, length) : terms[0];
        switch (term.Kind)
        {
            case TermKind.Metric:
                _draft.Metrics.Add(term.Name);
                break;
            case TermKind.Value:
                _draft.Filters.Add((term.Dimension!, term.Name, _negate));
                _negate = false;
                break;
            case TermKind.Insight:
                _draft.Insight = term.Name;
                break;
            case TermKind.Share:
                _draft.Share = true;
                break;
            case TermKind.Grain:
                _draft.Grain = term.Name;
                break;
            case TermKind.Dimension:
                // "partner p-adatum", "the product", "product usage": a dimension word naming its value, or the product itself, is no breakdown.
                var following = vocabulary.Match(tokens, i + length).Terms;
                if (following.Any(t => (t.Kind == TermKind.Value && t.Dimension == term.Name) || (term.Name == "product" && t.Kind is TermKind.Kpi or TermKind.Metric))
                    || (term.Name == "product" && i > 0 && tokens[i - 1] is "the" or "our" or "your"))
                {
                    break;
                }
                if (s_plainGroupDimensions.Contains(term.Name) || term.Name.Contains('.', StringComparison.Ordinal))
                {
                    AddGroup(term.Name);
                }
                break;
            default:
                throw new QuestionNotUnderstoodException($"'{string.Join(' ', tokens.Skip(i).Take(length))}' ranks accounts: say, for example, 'top 10 accounts by {term.Name.Replace('_', ' ')}'");
        }
    }

    // A value that more than one dimension holds ("enterprise" is a segment and a plan) is settled by
    // the word after it: "enterprise plan", "enterprise customers" (a segment); otherwise it is ambiguous.
    private Term Single(IReadOnlyList<Term> terms, int i, int length)
    {
        if (terms.Count == 1)
        {
            return terms[0];
        }
        var (_, after) = vocabulary.Match(tokens, i + length);
        var named = terms.FirstOrDefault(t => after.Any(a => a.Kind == TermKind.Dimension && a.Name == t.Dimension));
        if (named is not null)
        {
            return named;
        }
        var compared = s_compare.Contains(At(i + length) ?? "") ? i + length + (At(i + length + 1) is "to" or "with" ? 2 : 1) : -1;
        if (compared > 0 && terms.FirstOrDefault(t => vocabulary.Match(tokens, compared).Terms.Any(o => o.Kind == TermKind.Value && o.Dimension == t.Dimension)) is { } counterpart
            && vocabulary.Match(tokens, compared).Terms.Count(o => o.Kind == TermKind.Value) == 1)
        {
            // "enterprise vs smb": the value compared with settles which dimension is meant.
            return counterpart;
        }
        if (s_customerNouns.Contains(At(i + length) ?? "") && terms.Count(t => t.Dimension != "plan") == 1)
        {
            return terms.First(t => t.Dimension != "plan");
        }
        throw QuestionNotUnderstoodException.Ambiguous(string.Join(' ', tokens.Skip(i).Take(length)), [.. terms.Select(t => t.Label)]);
    }

    // "growth plan", "EMEA region": the dimension word after a value restates it.
    private int TrailingDimensionWord(int i, IReadOnlyList<Term> terms)
    {
        if (terms.Count == 0 || terms.Any(t => t.Kind != TermKind.Value))
        {
            return 0;
        }
        var (length, after) = vocabulary.Match(tokens, i);
        return after.Any(a => a.Kind == TermKind.Dimension && terms.Any(t => t.Dimension == a.Name)) ? length : 0;
    }

    private int NonValue(int i, string rest)
    {
        var (length, terms) = vocabulary.Match([rest], 0);
        if (length == 0 || terms.Any(t => t.Kind != TermKind.Value))
        {
            throw QuestionNotUnderstoodException.Unknown(tokens[i], vocabulary.Suggest(rest));
        }
        var term = Single(terms, i, 1);
        _draft.Filters.Add((term.Dimension!, term.Name, true));
        return 1 + TrailingDimensionWord(i + 1, [term]);
    }

    private bool LaterUse(int i) => tokens.Skip(i + 1).Any(t => t is "use" or "used" or "using");

    private void AddGroup(string dimension)
    {
        if (!_draft.GroupBy.Contains(dimension))
        {
            _draft.GroupBy.Add(dimension);
        }
    }

    // "how many reports were generated": the rest of a named event's name restates it.
    private bool IsEventWord(string word) =>
        _draft.Metrics.Any(m => vocabulary.EventWords.TryGetValue(m, out var words) && words.Contains(word));

    private static string? Number(string? word) =>
        word is not null && double.TryParse(word, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n > 0 ? word : null;

    private string? At(int i) => i < tokens.Count ? tokens[i] : null;
}
