using UsageLens.Core.Kpis;

namespace UsageLens.Questions;

/// <summary>
/// Turns a clause's draft into asks: decides the KPI (a named one, or usage / top-customer-share
/// for a bare metric), fills in the period and turns "enterprise vs smb" into one ask per value.
/// </summary>
internal static class AskBuilder
{
    public static IReadOnlyList<QueryAsk> Build(AskDraft draft, TimeMatch period, DateOnly today)
    {
        // "top 10 customers by storage used": the ranking metric is also what is measured.
        if (draft.Metrics.Count == 0 && draft.Kpis.Count == 0 && draft.RankByMetric)
        {
            draft.Metrics.Add(draft.RankBy!);
        }
        var ask = draft.Insight is { } insight ? InsightAsk(draft, insight, today) : KpiAsk(draft, period);
        if (draft.Compare is { } compare)
        {
            ask = ask with { CompareFrom = compare.From, CompareTo = compare.To };
        }
        if (draft.CompareValues.Count < 2)
        {
            return [ask];
        }
        var dimension = draft.Filters.First(f => f.Value == draft.CompareValues[0]).Dimension;
        var others = ask.Where.Where(w => !w.StartsWith(dimension + "=", StringComparison.Ordinal)).ToList();
        return [.. draft.CompareValues.Select(v => ask with { Where = [.. others, $"{dimension}={v}"] })];
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
        ask = WithMetric(ask, kpi.Name, metric);
        return WithRanking(ask, draft, metric);
    }

    private static Term Kpi(AskDraft draft)
    {
        var distinct = draft.Kpis.Distinct().ToList();
        if (distinct.Count > 1)
        {
            throw QuestionNotUnderstoodException.Ambiguous(string.Join(", ", distinct.Select(k => k.Name)), [.. distinct.Select(k => k.Option is null ? k.Name : $"{k.Name}({k.Option})")]);
        }
        if (distinct.Count == 1)
        {
            return distinct[0];
        }
        if (draft.Metrics.Count == 0)
        {
            throw new QuestionNotUnderstoodException("the question names nothing to measure: name a metric (\"api calls\") or a KPI (\"MRR\", \"NRR\", \"stickiness\")");
        }
        var topShare = draft.Share || draft.Filters.Any(f => f.Dimension == "strategic" && draft.Share)
            || (draft.Top is not null && draft.RankBy is not null && draft.RankBy != draft.Metrics[0]);
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
    private static QueryAsk WithMetric(QueryAsk ask, string kpi, string? metric)
    {
        var definition = KpiCatalog.Find(kpi).Definition;
        if (metric is null)
        {
            return definition.RequiresMetric
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
