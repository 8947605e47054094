using UsageLens.Core.Kpis;

namespace UsageLens.Questions;

/// <summary>
/// Turns a clause's draft into asks: decides the KPI (a named one, or usage / top-customer-share
/// for a bare metric), fills in the period and turns "enterprise vs smb" into one ask per value.
/// </summary>
internal static class AskBuilder
{
    public static IReadOnlyList<QueryAsk> Build(AskDraft draft, TimeMatch period, DateOnly today, Func<string, IReadOnlyList<string>> suggest)
    {
        // "top 10 customers by storage used": the ranking metric is also what is measured.
        if (draft.Metrics.Count == 0 && draft.Kpis.Count == 0 && draft.RankByMetric)
        {
            draft.Metrics.Add(draft.RankBy!);
        }
        if (!draft.HasMeasure && draft.Ignored.Count > 0)
        {
            // Nothing to measure was understood; the words left out are the likeliest reason.
            var word = draft.Ignored[0];
            throw QuestionNotUnderstoodException.Unknown(word, [.. draft.Ignored.SelectMany(suggest).Distinct(StringComparer.Ordinal).Take(3)]);
        }
        var ask = draft.Insight is { } insight ? InsightAsk(draft, insight, today) : KpiAsk(draft, period);
        if (draft.Insight is null && draft.Trend)
        {
            return [TrendAsk(ask, draft, today)];
        }
        if (draft.Insight is null && draft.CompareVerb && draft.Compare is null && draft.CompareShift is null && (draft.CompareValues.Count >= 2 || ask.GroupBy.Count == 1))
        {
            return [ComparisonAsk(ask, draft)];
        }
        if (draft.Compare is { } compare)
        {
            ask = ask with { CompareFrom = compare.From, CompareTo = compare.To };
        }
        else if (draft.CompareShift is { } unit && ask.From is { } from && ask.To is { } to)
        {
            var shifted = TimePhrase.ShiftBack(from, to, unit);
            ask = ask with { CompareFrom = shifted.From, CompareTo = shifted.To };
        }
        if (draft.CompareValues.Count < 2)
        {
            return [ask];
        }
        var dimension = draft.Filters.First(f => f.Value == draft.CompareValues[0]).Dimension;
        var others = ask.Where.Where(w => !w.StartsWith(dimension + "=", StringComparison.Ordinal)).ToList();
        return [.. draft.CompareValues.Select(v => ask with { Where = [.. others, $"{dimension}={v}"] })];
    }

    // "how has the top 20% share changed over the last 6 months": the KPI the question names, followed
    // by the trend insight over the period asked (or its default, the six months before today).
    private static QueryAsk TrendAsk(QueryAsk ask, AskDraft draft, DateOnly today) => ask with
    {
        Insight = "trend",
        From = draft.Period is null ? null : ask.From,
        To = draft.Period is null ? null : ask.To,
        AsOf = draft.Period is null ? today : null,
        Grain = draft.Period is null ? draft.Grain : ask.Grain,
        GroupBy = [],
        CompareFrom = null,
        CompareTo = null,
    };

    // "compare api calls enterprise vs smb", "compare NPS between plans": the comparison insight over
    // the dimension's values, restricted to the values named.
    private static QueryAsk ComparisonAsk(QueryAsk ask, AskDraft draft)
    {
        if (draft.CompareValues.Count < 2)
        {
            return ask with { Insight = "comparison" };
        }
        var dimension = draft.Filters.First(f => f.Value == draft.CompareValues[0]).Dimension;
        var others = ask.Where.Where(w => !w.StartsWith(dimension + "=", StringComparison.Ordinal));
        return ask with { Insight = "comparison", GroupBy = [dimension], Where = [.. others, $"{dimension}={string.Join(',', draft.CompareValues)}"] };
    }

    private static QueryAsk InsightAsk(AskDraft draft, string insight, DateOnly today) => new()
    {
        Insight = insight,
        Metric = draft.Metrics.FirstOrDefault(),
        From = draft.Period?.From,
        To = draft.Period?.To,
        AsOf = draft.Period is null ? today : null,
        Where = Filters(draft),
    };

    private static QueryAsk KpiAsk(AskDraft draft, TimeMatch period)
    {
        var kpi = Kpi(draft);
        var metric = Metric(draft);
        var ask = new QueryAsk
        {
            Kpi = kpi.Name,
            From = period.From,
            To = period.To,
            Grain = draft.Grain ?? (draft.GrainOverTime ? AskDraft.AutoGrain(period.From, period.To) : period.Grain),
            GroupBy = [.. draft.GroupBy],
            Where = Filters(draft),
            Variant = kpi.Variant,
            Options = kpi.Option is null ? [] : [kpi.Option],
        };
        ask = WithMetric(ask, kpi.Name, metric, metricOptional: draft.Trend);
        return WithRanking(ask, draft, metric);
    }

    private static Term Kpi(AskDraft draft)
    {
        var distinct = draft.Kpis.Distinct().ToList();
        if (distinct.Count > 1 && distinct.Any(k => k.Name == KpiNames.Usage))
        {
            // "usage" is the generic word: beside a KPI that names what is measured ("usage charges"), that KPI is meant.
            distinct = [.. distinct.Where(k => k.Name != KpiNames.Usage)];
        }
        if (distinct.Count > 1)
        {
            throw QuestionNotUnderstoodException.Ambiguous(string.Join(", ", distinct.Select(k => k.Name)), [.. distinct.Select(k => k.Option is null ? k.Name : $"{k.Name}({k.Option})")]);
        }
        if (distinct.Count == 1)
        {
            // "what percentage of product usage comes from the top 10%": usage named as a share of the top accounts.
            return distinct[0].Name == KpiNames.Usage && draft.Share && draft.Top is not null && draft.Metrics.Count > 0
                ? new Term(TermKind.Kpi, KpiNames.TopCustomerShare)
                : distinct[0];
        }
        if (draft.Metrics.Count == 0 && draft.Share && draft.Top is not null && draft.Trend)
        {
            // "how has the top 20% share changed": the share itself is what is followed.
            return new Term(TermKind.Kpi, KpiNames.TopCustomerShare);
        }
        if (draft.Metrics.Count == 0)
        {
            throw new QuestionNotUnderstoodException("the question names nothing to measure: name a metric (\"api calls\") or a KPI (\"MRR\", \"NRR\", \"stickiness\")");
        }
        // A top given as a percentage is a share of the customers, not a list: "from the top 10% of customers".
        var topShare = draft.Share || draft.Filters.Any(f => f.Dimension == "strategic" && draft.Share)
            || (draft.Top is not null && draft.RankBy is not null && draft.RankBy != draft.Metrics[0])
            || (draft.Top is not null && draft.Top.EndsWith('%') && draft.RankBy is null);
        return new Term(TermKind.Kpi, topShare ? KpiNames.TopCustomerShare : KpiNames.Usage);
    }

    private static string? Metric(AskDraft draft)
    {
        var metrics = draft.Metrics.Distinct().ToList();
        if (metrics.Count > 1)
        {
            throw QuestionNotUnderstoodException.Ambiguous(string.Join(" ", metrics), metrics);
        }
        return metrics.Count == 0 ? null : draft.Distinct is { } distinct ? $"{distinct}({metrics[0]})" : metrics[0];
    }

    // The catalogue says how each KPI takes a metric: as what it measures, as one of its options, or not at all.
    private static QueryAsk WithMetric(QueryAsk ask, string kpi, string? metric, bool metricOptional)
    {
        var definition = KpiCatalog.Find(kpi).Definition;
        if (metric is null)
        {
            // A trend of a KPI that needs a metric is still understood; the insight names the missing metric when it runs.
            return definition.RequiresMetric && !metricOptional
                ? throw new QuestionNotUnderstoodException($"{kpi} needs a metric: name one, for example \"{kpi} of api calls\"")
                : ask;
        }
        return definition.MetricRole.Use switch
        {
            KpiMetricUse.Measured => ask with { Metric = metric },
            KpiMetricUse.Option => ask with { Options = [.. ask.Options, $"{definition.MetricRole.Option}={metric}"] },
            _ => throw new QuestionNotUnderstoodException($"{kpi} does not take a metric, but the question names '{metric}'"),
        };
    }

    private static QueryAsk WithRanking(QueryAsk ask, AskDraft draft, string? metric)
    {
        if (ask.Kpi == KpiNames.TopCustomerShare)
        {
            var strategic = draft.Filters.Any(f => f.Dimension == "strategic" && !f.Negated);
            return strategic
                ? ask with { Where = [.. ask.Where.Where(w => w != "strategic=true")], TopWhere = ["strategic=true"] }
                : ask with { Top = draft.Top ?? "20%", RankBy = draft.RankBy ?? "revenue" };
        }
        if (draft.Top is null && draft.Bottom is null)
        {
            return ask;
        }
        if (ask.Kpi == KpiNames.Concentration)
        {
            return ask with { Top = draft.Top };
        }
        // "top 10 customers by storage used": the KPI per account, cut to the first (or last) N.
        var rankedByOther = draft.RankBy is not null && draft.RankBy != metric?.Split('(', ')').Last(p => p.Length > 0);
        if (rankedByOther)
        {
            throw new QuestionNotUnderstoodException($"a list of accounts is ranked by what it shows: ask for the {ask.Kpi} of the top accounts by {draft.RankBy} as a share, or drop 'by {draft.RankBy}'");
        }
        return ask with { GroupBy = [.. ask.GroupBy.Where(g => g != "account_id"), "account_id"], Top = draft.Top, Bottom = draft.Bottom };
    }

    private static IReadOnlyList<string> Filters(AskDraft draft) =>
        [.. draft.Filters.Select(f => $"{f.Dimension}{(f.Negated ? "!=" : "=")}{f.Value}")];
}
