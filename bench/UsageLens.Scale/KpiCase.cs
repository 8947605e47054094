namespace UsageLens.Scale;

/// <summary>
/// One KPI a dashboard page shows: its API request, and the SQL a person would write for it over the raw events,
/// run as-is by DuckDB and PostgreSQL. <c>$1</c> is the as-of date; the SQL reads the tables
/// <c>events(id, ts, account_id, user_id, event, quantity, unit, product)</c>, <c>accounts</c> and <c>subscriptions</c>.
/// </summary>
internal sealed record KpiCase(string Name, string Request, string Sql)
{
    /// <summary>
    /// Where <see cref="Sql"/> computes only the headline value, the SQL for everything the API answers, timed beside the
    /// same requests as a second baseline. Feature adoption's rate alone leaves out the adopters' depth, the median days
    /// from the first ever event to the first use (which reads all history, not 30 days) and the previous period; this
    /// SQL gives all of them, checked value by value against the API on the 20M workspace.
    /// </summary>
    public string? AnswerSql { get; init; }

    private const string Last30 = "ts >= $1::date - INTERVAL '30 days' AND ts < $1::date";

    public static readonly IReadOnlyList<KpiCase> Dashboard =
    [
        new("usage, 30 days", "usage?metric=api_call&period=last-30-days",
            $"SELECT sum(quantity) FROM events WHERE event = 'api_call' AND {Last30}"),
        new("active accounts, 30 days", "usage?metric=accounts(api_call)&period=last-30-days",
            $"SELECT count(DISTINCT account_id) FROM events WHERE event = 'api_call' AND {Last30}"),
        new("usage by segment", "usage?metric=api_call&period=last-30-days&group-by=segment",
            $"SELECT a.segment, sum(e.quantity) FROM events e JOIN accounts a USING (account_id) WHERE e.event = 'api_call' AND e.{Last30} GROUP BY 1"),
        new("top-customer share by month", "top-customer-share?metric=api_call&period=last-180-days&grain=month&top=20%25&rank-by=revenue",
            """
            WITH ranked AS (SELECT account_id, row_number() OVER (ORDER BY revenue DESC) AS r, count(*) OVER () AS n FROM accounts)
            SELECT date_trunc('month', e.ts) AS m, sum(CASE WHEN k.r <= ceil(0.2 * k.n) THEN e.quantity ELSE 0 END) / sum(e.quantity)
            FROM events e JOIN ranked k USING (account_id)
            WHERE e.event = 'api_call' AND e.ts >= $1::date - INTERVAL '180 days' AND e.ts < $1::date GROUP BY 1 ORDER BY 1
            """),
        new("active users (MAU)", "active-users?period=last-30-days&measure=mau",
            $"SELECT count(DISTINCT user_id) FROM events WHERE {Last30}"),
        new("DAU by day", "active-users?period=last-30-days&grain=day&measure=dau",
            $"SELECT CAST(ts AS date) AS d, count(DISTINCT user_id) FROM events WHERE {Last30} GROUP BY 1 ORDER BY 1"),
        new("stickiness", "stickiness?period=last-30-days",
            $"""
            WITH daily AS (SELECT CAST(ts AS date) AS d, count(DISTINCT user_id) AS u FROM events WHERE {Last30} GROUP BY 1)
            SELECT (SELECT avg(u) FROM daily) / (SELECT count(DISTINCT user_id) FROM events WHERE {Last30})
            """),
        new("feature adoption (export, accounts)", "feature-adoption?period=last-30-days&feature=export&level=accounts",
            $"SELECT count(DISTINCT CASE WHEN event = 'export' THEN account_id END) * 1.0 / count(DISTINCT account_id) FROM events WHERE {Last30}")
        {
            AnswerSql = FeatureAdoptionAnswer("account_id"),
        },
        new("feature adoption (export, users)", "feature-adoption?period=last-30-days&feature=export",
            $"SELECT count(DISTINCT CASE WHEN event = 'export' THEN user_id END) * 1.0 / count(DISTINCT user_id) FROM events WHERE {Last30}")
        {
            AnswerSql = FeatureAdoptionAnswer("user_id"),
        },
        new("retention, weekly cohorts", "retention?grain=week&period=last-90-days",
            """
            WITH active AS (SELECT DISTINCT user_id, date_trunc('week', ts) AS w FROM events WHERE ts >= $1::date - INTERVAL '90 days' AND ts < $1::date),
                 cohort AS (SELECT user_id, min(w) AS c FROM active GROUP BY 1)
            SELECT cohort.c, active.w, count(*) FROM active JOIN cohort USING (user_id) GROUP BY 1, 2 ORDER BY 1, 2
            """),
        new("MRR movements", "mrr-movements?period=last-month",
            """
            WITH b AS (SELECT DISTINCT ON (account_id) account_id, mrr FROM subscriptions
                       WHERE effective_at < date_trunc('month', $1::date - INTERVAL '1 month') ORDER BY account_id, effective_at DESC),
                 e AS (SELECT DISTINCT ON (account_id) account_id, mrr FROM subscriptions
                       WHERE effective_at < date_trunc('month', $1::date) ORDER BY account_id, effective_at DESC)
            SELECT sum(CASE WHEN coalesce(b.mrr, 0) = 0 AND e.mrr > 0 THEN e.mrr ELSE 0 END) AS new_mrr,
                   sum(CASE WHEN b.mrr > 0 AND e.mrr > b.mrr THEN e.mrr - b.mrr ELSE 0 END) AS expansion,
                   sum(CASE WHEN b.mrr > 0 AND e.mrr > 0 AND e.mrr < b.mrr THEN b.mrr - e.mrr ELSE 0 END) AS contraction,
                   sum(CASE WHEN b.mrr > 0 AND coalesce(e.mrr, 0) = 0 THEN b.mrr ELSE 0 END) AS churned
            FROM b FULL JOIN e USING (account_id)
            """),
    ];

    // Per period (0: the last 30 days, 1: the 30 before), the adoption rate, its counts, the depth, and the median whole
    // UTC days from an entity's first ever event to its first use of the feature, over those whose first use is in it.
    private static string FeatureAdoptionAnswer(string entity) => $"""
        WITH firsts AS (
            SELECT {entity} AS entity, min(ts) AS first_at, min(CASE WHEN event = 'export' THEN ts END) AS first_use
            FROM events WHERE ts < $1::date AND {entity} IS NOT NULL GROUP BY 1),
        totals AS (
            SELECT CASE WHEN ts >= $1::date - INTERVAL '30 days' THEN 0 ELSE 1 END AS p,
                   count(DISTINCT {entity}) AS active,
                   count(DISTINCT CASE WHEN event = 'export' THEN {entity} END) AS adopters,
                   count(CASE WHEN event = 'export' THEN 1 END) AS feature_events
            FROM events WHERE ts >= $1::date - INTERVAL '60 days' AND ts < $1::date GROUP BY 1),
        medians AS (
            SELECT CASE WHEN first_use >= $1::date - INTERVAL '30 days' THEN 0 ELSE 1 END AS p,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(first_use AS date) - CAST(first_at AS date)) AS median_days
            FROM firsts WHERE first_use >= $1::date - INTERVAL '60 days' GROUP BY 1)
        SELECT t.p, t.adopters * 100.0 / t.active AS adoption, t.adopters, t.active,
               t.feature_events * 1.0 / t.adopters AS depth, m.median_days
        FROM totals t LEFT JOIN medians m ON m.p = t.p ORDER BY 1
        """;
}
