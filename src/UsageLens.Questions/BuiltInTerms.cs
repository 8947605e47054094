using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Questions;

/// <summary>
/// The phrases every workspace understands: the synonyms of the KPIs and insight kinds (from their
/// catalogues), ranking fields, grains and the breakdown dimensions of the built-in schema.
/// </summary>
internal static class BuiltInTerms
{
    public static IReadOnlyList<(string Phrase, Term Term)> All { get; } =
    [
        .. KpiCatalog.All.SelectMany(k => Kpi(k.Definition)),
        .. InsightCatalog.All.SelectMany(Insight),
        .. Ranking("revenue", "revenue"),
        .. Ranking("contract_value", "contract value", "contract_value", "acv", "contract size", "deal size"),
        .. Ranking("cltv", "cltv", "ltv", "clv", "lifetime value"),
        .. Ranking("mrr", "mrr"),
        .. Share("share", "share", "percentage", "percent", "proportion", "what %", "fraction", "portion"),
        .. Grain("day", "day", "days", "daily", "per day", "each day"),
        .. Grain("week", "week", "weeks", "weekly", "wk"),
        .. Grain("month", "month", "months", "monthly", "mo"),
        .. Grain("quarter", "quarter", "quarters", "quarterly", "qtr"),
        .. Grain("year", "year", "years", "yearly", "annually"),
        .. Dimension("segment", "segment", "segments", "tier", "customer segment"),
        .. Dimension("region", "region", "regions", "geo", "geography"),
        .. Dimension("plan", "plan", "plans", "pricing plan", "tier plan"),
        .. Dimension("partner_id", "partner", "partners", "reseller", "resellers", "channel partner"),
        .. Dimension("account_id", "account", "accounts", "customer", "customers", "client", "clients", "company", "companies"),
        .. Dimension("product", "product", "products"),
        .. Dimension("event", "event", "events", "event type", "feature", "features"),
        // Everyday ways of asking for an insight, beyond its catalogue's synonyms.
        .. InsightPhrases("churn-risk", "churn risks", "might churn", "may churn", "could churn", "going to churn", "risk churning"),
        .. InsightPhrases("health", "health scores", "healthiest", "least healthy"),
        .. InsightPhrases("upsell", "upsell opportunity", "cross-sell opportunities", "expansion opportunities"),
        ("strategic", new Term(TermKind.Value, "true", Dimension: "strategic")),
        ("key accounts", new Term(TermKind.Value, "true", Dimension: "strategic")),
    ];

    private static IEnumerable<(string, Term)> Kpi(KpiDefinition kpi) =>
        kpi.Synonyms.Select(s => (s.Phrase, new Term(TermKind.Kpi, kpi.Name, Option: s.Option, Variant: s.Variant)));

    private static IEnumerable<(string, Term)> Insight(InsightDefinition insight) => insight.Synonyms.Select(p => (p, new Term(TermKind.Insight, insight.Name)));

    private static IEnumerable<(string, Term)> InsightPhrases(string insight, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Insight, insight)));

    private static IEnumerable<(string, Term)> Ranking(string field, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Ranking, field)));

    private static IEnumerable<(string, Term)> Share(string name, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Share, name)));

    private static IEnumerable<(string, Term)> Grain(string grain, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Grain, grain)));

    private static IEnumerable<(string, Term)> Dimension(string name, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Dimension, name)));
}
