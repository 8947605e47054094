namespace UsageLens.Core.Insights;

/// <summary>
/// Every insight kind UsageLens understands, by name. Questions read them, the language-model validator
/// accepts them, and the insights module (UsageLens.Insights) registers one implementation per name it
/// computes. Adding a kind is one definition below. A kind without synonyms is reached only by name
/// (<c>usagelens insights trend</c>), so adding it cannot change how a question parses.
/// </summary>
public static class InsightCatalog
{
    /// <summary>The insight a question asking which features are not used reads as.</summary>
    public const string FeatureGaps = "feature-gaps";

    private static readonly InsightParameter s_asOf = new("as_of", "the day the insight is computed as of (default today)");
    private static readonly InsightParameter s_from = new("from", "the start of the period to look at instead of as_of (YYYY-MM-DD, included)");
    private static readonly InsightParameter s_to = new("to", "the end of that period (YYYY-MM-DD, excluded)");
    private static readonly InsightParameter s_where = new("where", "account filters, dimension=value or dimension!=value");

    public static IReadOnlyList<InsightDefinition> All { get; } =
    [
        new("churn-risk", "Churn risk", "accounts whose usage, logins or seats fall in a way that precedes churn, most at risk first")
        {
            Synonyms = ["at risk of churning", "risk of churning", "at risk", "at-risk", "churn risk", "likely to churn", "about to churn", "risk of churn", "at risk of churn"],
            Parameters = [s_asOf, s_from, s_to, s_where],
        },
        new("anomalies", "Anomalies", "days on which a metric of an account departs sharply from its usual level: spikes and drops")
        {
            Synonyms = ["anomalies", "anomaly", "spikes", "spike", "unusual", "outliers", "drops"],
            Parameters = [new("metric", "the metered event to watch (default: every meter)"), new("kpi", "a KPI whose workspace-wide daily series to watch instead of each account's usage"), s_asOf, s_from, s_to, s_where],
        },
        new("upsell", "Upsell candidates", "accounts using close to or beyond what their plan includes, ready to upgrade")
        {
            Synonyms = ["upsell", "up-sell", "upsold", "upgrade candidates", "upsell candidates", "upsell opportunities", "candidates for upsell", "cross-sell", "ready to upgrade"],
            Parameters = [s_asOf, s_from, s_to, s_where],
        },
        new("trend", "Trend", "a KPI by day, week, month or quarter over a period: its slope with a 95% confidence interval, the change and whether it is significant")
        {
            Parameters = [new("kpi", "the KPI to follow"), new("metric", "the usage metric the KPI measures"), new("grain", "day, week, month or quarter (default month)"), new("period", "the period before as_of (default last-6-months)"), s_asOf, s_where],
        },
        new("comparison", "Comparison", "a KPI across the values of a dimension: each value against the rest, by how much and whether the gap is significant")
        {
            Parameters = [new("kpi", "the KPI to compare"), new("metric", "the usage metric the KPI measures"), new("by", "the dimension whose values to compare (segment, plan, region, partner_id...)"), new("grain", "the buckets the gap is tested over (default week)"), new("period", "the period before as_of (default last-12-weeks)"), s_asOf, s_where],
        },
        new(FeatureGaps, "Feature gaps", "accounts that do not use a feature their peers use")
        {
            Synonyms = ["not use", "don't use", "do not use", "never use", "never used", "feature gaps", "unused features", "doesn't use", "does not use"],
            Parameters = [new("metric", "the feature's event (default: every meter)"), s_asOf, s_from, s_to, s_where],
        },
        new("health", "Customer health", "a health score per account from its usage, engagement and revenue trends")
        {
            Synonyms = ["health", "health score", "healthy", "unhealthy", "customer health"],
            Parameters = [s_asOf, s_from, s_to, s_where],
        },
        new("trial-conversion", "Trials likely to convert", "accounts on a free trial now, ranked by how their usage, active users, feature breadth and usage trend compare with the trials that converted")
        {
            Synonyms = ["trials likely to convert", "trials are likely to convert", "trials will convert", "likely to convert", "trial conversion", "trial conversions", "trials to convert", "convert from trial"],
            Parameters = [s_asOf, s_where],
        },
        new("discounts", "Discounts to phase out", "accounts on a discount whose usage is heavy for their segment and growing, ranked by the MRR the discount gives away")
        {
            Synonyms = ["discounts to phase out", "phase out discounts", "which discounts can we phase out", "discounts can we phase out", "discounts we can phase out", "remove discounts", "discount phase out"],
            Parameters = [new("metric", "the metered event heaviness and growth are measured on (default: every meter)"), s_asOf, s_where],
        },
        new("rate-plan-fit", "Rate-plan fit", "each account's usage priced on every rate plan: who would pay less on another plan, who pays less than any other would charge, and which plan monetises usage best")
        {
            Synonyms = ["rate plan fit", "rate-plan fit", "which rate plan fits", "rate plan fits", "best rate plan", "cheapest plan", "plan fit", "overpaying", "over paying"],
            Parameters = [s_asOf, s_where],
        },
        new("benchmark", "Benchmark against the segment", "an account, or every account, against its segment: its percentile and the segment's median for usage, active users, feature breadth, seat utilisation, MRR and NPS")
        {
            Synonyms = ["benchmark", "benchmark against segment", "benchmark against the segment", "compared to its segment", "compared to peers", "peer benchmark"],
            Parameters = [new("account", "the account to benchmark (default every account)"), s_asOf, s_where],
        },
        new("adoption-assistance", "Adoption assistance", "customers using few features for their segment or few of their licensed seats, with the features their peers use that they do not")
        {
            Synonyms = ["adoption assistance", "adoption help", "need adoption help", "needs adoption help", "need help adopting", "low adoption", "onboarding help"],
            Parameters = [s_asOf, s_where],
        },
        new("survey-targets", "Survey targets", "active accounts to ask for feedback: no recent NPS answer, or a big change in usage")
        {
            Synonyms = ["survey targets", "who should we survey", "who to survey", "should we survey", "ask for feedback", "survey candidates"],
            Parameters = [s_asOf, s_where],
        },
        new("references", "Customer references", "healthy, heavy-using promoters who could be customer references")
        {
            Synonyms = ["customer references", "references", "reference customers", "reference accounts", "case study candidates"],
            Parameters = [s_asOf, s_where],
        },
        new("campaign-audiences", "Campaign audiences", "named audiences for campaigns: expansion-ready, at-risk, win-back, promoters and the non-adopters of each feature")
        {
            Synonyms = ["campaign audiences", "campaign audience", "audiences for a campaign", "marketing audiences", "campaign lists"],
            Parameters = [new("audience", "one audience by name"), s_asOf, s_where],
        },
        new("signals", "Buying signals", "usage changes that suggest an account is ready to expand")
        {
            Synonyms = ["signals", "buying signals", "expansion signals"],
            Parameters = [s_asOf, s_from, s_to, s_where],
        },
    ];
}
