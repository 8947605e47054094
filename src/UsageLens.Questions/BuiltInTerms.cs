namespace UsageLens.Questions;

/// <summary>
/// The phrases every workspace understands: KPI names and their common synonyms, insight kinds,
/// ranking fields, grains and the breakdown dimensions of the built-in schema.
/// </summary>
internal static class BuiltInTerms
{
    public static IReadOnlyList<(string Phrase, Term Term)> All { get; } =
    [
        .. Kpi("usage", "usage", "volume"),
        .. Kpi("top-customer-share", "top customer share", "top-customer-share", "customer share"),
        .. Kpi("concentration", "concentration", "usage concentration", "gini", "hhi", "lorenz", "lorenz curve"),
        .. Kpi("mrr", "mrr", "monthly recurring revenue", "recurring revenue", "revenue"),
        .. Kpi("arr", "arr", "annual recurring revenue", "annual run rate", "run rate"),
        .. Kpi("mrr-movements", "mrr movements", "mrr movement", "mrr-movements", "mrr bridge", "mrr waterfall", "expansion mrr", "new mrr", "expansion and contraction"),
        .. Kpi("logo-churn", "logo churn", "logo-churn", "churn rate", "churn", "customer churn", "churned customers", "churned accounts", "churned", "logos lost", "cancellations"),
        .. Kpi("revenue-churn", "revenue churn", "revenue-churn", "mrr churn", "dollar churn", "gross revenue churn", "gross mrr churn"),
        ("net revenue churn", new Term(TermKind.Kpi, "revenue-churn", Variant: "net")),
        ("net mrr churn", new Term(TermKind.Kpi, "revenue-churn", Variant: "net")),
        .. Kpi("nrr", "nrr", "ndr", "net revenue retention", "net dollar retention", "net retention", "net dollar retention rate", "net revenue retention rate"),
        .. Kpi("grr", "grr", "gdr", "gross revenue retention", "gross dollar retention", "gross retention"),
        .. Kpi("arpa", "arpa", "arpc", "average revenue per account", "average revenue per customer", "revenue per account", "revenue per customer"),
        .. Kpi("quick-ratio", "quick ratio", "quick-ratio", "saas quick ratio"),
        .. Kpi("cltv", "cltv", "ltv", "clv", "cltv", "lifetime value", "customer lifetime value"),
        .. Kpi("active-users", "active users", "active-users", "active user", "actives"),
        ("dau", new Term(TermKind.Kpi, "active-users", Option: "measure=dau")),
        ("daily active users", new Term(TermKind.Kpi, "active-users", Option: "measure=dau")),
        ("wau", new Term(TermKind.Kpi, "active-users", Option: "measure=wau")),
        ("weekly active users", new Term(TermKind.Kpi, "active-users", Option: "measure=wau")),
        ("mau", new Term(TermKind.Kpi, "active-users", Option: "measure=mau")),
        ("monthly active users", new Term(TermKind.Kpi, "active-users", Option: "measure=mau")),
        .. Kpi("stickiness", "stickiness", "dau / mau", "dau mau", "dau to mau", "dau over mau", "dau-mau", "dau to mau ratio", "sticky"),
        .. Kpi("usage-rate", "usage rate", "usage-rate", "product usage rate"),
        .. Kpi("feature-adoption", "feature adoption", "feature-adoption", "adoption", "adoption rate", "feature adoption rate"),
        .. Kpi("seat-utilization", "seat utilization", "seat utilisation", "seat-utilization", "seat usage", "license utilization", "licence utilisation", "seats used"),
        .. Kpi("feature-breadth", "feature breadth", "feature-breadth", "breadth", "breadth of use"),
        .. Kpi("sessions", "sessions", "session", "session length", "session count", "session duration"),
        .. Kpi("login-frequency", "login frequency", "login-frequency", "logins per user", "log in frequency"),
        .. Kpi("stickiness-distribution", "stickiness distribution", "stickiness-distribution", "power user curve", "power users", "active days per week"),
        .. Kpi("retention", "retention", "cohort retention", "retention cohorts", "cohorts", "cohort", "user retention"),
        .. Kpi("revenue-per-active-user", "revenue per active user", "revenue-per-active-user", "arpu", "revenue per user"),
        .. Kpi("nps", "nps", "net promoter score", "promoter score"),
        .. Kpi("usage-charges", "usage charges", "usage-charges", "overage", "overages", "usage billing", "usage revenue", "charges"),
        .. Insight("churn-risk", "at risk of churning", "risk of churning", "at risk", "at-risk", "churn risk", "likely to churn", "about to churn", "risk of churn", "at risk of churn"),
        .. Insight("anomalies", "anomalies", "anomaly", "spikes", "spike", "unusual", "outliers", "drops"),
        .. Insight("upsell", "upsell", "up-sell", "upsold", "upgrade candidates", "upsell candidates", "upsell opportunities", "candidates for upsell", "cross-sell", "ready to upgrade"),
        .. Insight("feature-gaps", "not use", "don't use", "do not use", "never use", "never used", "feature gaps", "unused features", "doesn't use", "does not use"),
        .. Insight("health", "health", "health score", "healthy", "unhealthy", "customer health"),
        .. Insight("signals", "signals", "buying signals", "expansion signals"),
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
        ("strategic", new Term(TermKind.Value, "true", Dimension: "strategic")),
        ("key accounts", new Term(TermKind.Value, "true", Dimension: "strategic")),
    ];

    private static IEnumerable<(string, Term)> Kpi(string name, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Kpi, name)));

    private static IEnumerable<(string, Term)> Insight(string kind, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Insight, kind)));

    private static IEnumerable<(string, Term)> Ranking(string field, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Ranking, field)));

    private static IEnumerable<(string, Term)> Share(string name, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Share, name)));

    private static IEnumerable<(string, Term)> Grain(string grain, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Grain, grain)));

    private static IEnumerable<(string, Term)> Dimension(string name, params string[] phrases) => phrases.Select(p => (p, new Term(TermKind.Dimension, name)));
}
