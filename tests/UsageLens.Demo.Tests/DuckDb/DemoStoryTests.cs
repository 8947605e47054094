using System.Globalization;

namespace UsageLens.Demo.Tests.DuckDb;

/// <summary>The demo's story, checked by SQL over the written tables rather than by asking the generator.</summary>
public sealed class DemoStoryTests(DemoWorkspaceFixture demo) : IClassFixture<DemoWorkspaceFixture>
{
    // Churned accounts read straight from the subscription timeline: paid at some point, MRR 0 now.
    private const string Churned = """
        WITH ordered AS (
            SELECT account_id, effective_at, mrr,
                   row_number() OVER (PARTITION BY account_id ORDER BY effective_at DESC) AS newest
            FROM subscriptions)
        SELECT account_id, effective_at AS churned_at FROM ordered o
        WHERE newest = 1 AND mrr = 0
          AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.account_id = o.account_id AND s.mrr > 0)
        """;

    [Fact]
    public void Every_planned_event_is_stored_under_a_unique_id_inside_the_window()
    {
        var rows = demo.Rows("SELECT count(*), count(DISTINCT id), min(timestamp), max(timestamp), count(*) FILTER (WHERE source <> '') FROM events")[0];

        Assert.Equal(demo.Scenario.EventCount, demo.Written);
        Assert.Equal(demo.Written, Convert.ToInt64(rows[0], CultureInfo.InvariantCulture));
        Assert.Equal(demo.Written, Convert.ToInt64(rows[1], CultureInfo.InvariantCulture));
        Assert.True((DateTime)rows[2]! >= new DateTime(2026, 9, 16));
        Assert.True((DateTime)rows[3]! < new DateTime(2026, 11, 15));
        Assert.Equal(0L, Convert.ToInt64(rows[4], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_event_belongs_to_a_known_account_and_its_user_to_that_account()
    {
        Assert.Equal(0L, demo.Count("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = e.account_id)"));
        Assert.Equal(0L, demo.Count("SELECT count(*) FROM events e LEFT JOIN users u USING (user_id) WHERE e.user_id IS NOT NULL AND u.account_id IS DISTINCT FROM e.account_id"));
    }

    [Fact]
    public void Each_meter_has_exactly_one_unit_and_is_registered_with_it()
    {
        var stored = demo.Rows("SELECT event, min(unit), count(DISTINCT unit) FROM events GROUP BY event ORDER BY event")
            .Select(r => ((string)r[0]!, (string)r[1]!, Convert.ToInt64(r[2], CultureInfo.InvariantCulture))).ToList();
        var registered = demo.Rows("SELECT event, unit FROM meters ORDER BY event").Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

        (string, string)[] expected =
        [
            ("api_call", "count"), ("compute_minutes", "minutes"), ("dashboard_view", "count"), ("data_processed", "GB"),
            ("export", "count"), ("login", "count"), ("report_generated", "count"), ("storage_used", "GB"),
        ];
        Assert.Equal(expected, registered);
        Assert.Equal(expected.Select(e => (e.Item1, e.Item2, 1L)), stored);
    }

    [Fact]
    public void The_property_keys_of_exports_reports_and_logins_are_registered_as_dimensions()
    {
        var keys = demo.Rows("SELECT key FROM event_property_keys ORDER BY key").Select(r => (string)r[0]!);

        Assert.Equal(["format", "method", "template"], keys);
    }

    [Fact]
    public void Churners_usage_fades_before_their_MRR_drops_to_zero()
    {
        var churners = demo.Rows($"""
            WITH churned AS ({Churned}),
            daily AS (
                SELECT c.account_id, c.churned_at,
                    count(*) FILTER (WHERE e.event = 'api_call' AND e.timestamp < DATE '2026-10-14') AS first_28_api,
                    count(*) FILTER (WHERE e.event = 'api_call' AND e.timestamp >= DATE '2026-10-18') AS last_28_api,
                    count(*) FILTER (WHERE e.event <> 'storage_used' AND e.timestamp < DATE '2026-09-30') AS first_14,
                    count(*) FILTER (WHERE e.event <> 'storage_used' AND e.timestamp >= c.churned_at - INTERVAL 14 DAY AND e.timestamp < c.churned_at) AS before_churn_14,
                    count(*) FILTER (WHERE e.timestamp >= c.churned_at) AS after_churn
                FROM churned c LEFT JOIN events e USING (account_id)
                GROUP BY ALL)
            SELECT account_id, first_28_api, last_28_api, first_14, before_churn_14, after_churn FROM daily ORDER BY account_id
            """);

        Assert.NotEmpty(churners);
        foreach (var row in churners)
        {
            var v = row.Skip(1).Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(v[1] < v[0], $"{row[0]}: last 28 days {v[1]} api calls, first 28 days {v[0]}");
            Assert.True(v[3] < 0.75 * v[2], $"{row[0]}: 14 days before churn {v[3]} events, first 14 days {v[2]}");
            Assert.Equal(0, v[4]);
        }
    }

    [Fact]
    public void The_top_20_percent_of_accounts_by_revenue_hold_more_than_half_of_it()
    {
        var share = Convert.ToDouble(demo.Scalar("""
            WITH ranked AS (
                SELECT revenue, row_number() OVER (ORDER BY revenue DESC, account_id) AS rank, count(*) OVER () AS n FROM accounts)
            SELECT sum(revenue) FILTER (WHERE rank <= ceil(n * 0.2)) / sum(revenue) FROM ranked
            """), CultureInfo.InvariantCulture);

        Assert.True(share > 0.5, $"top 20% hold {share:P1}");
    }

    [Fact]
    public void The_biggest_day_against_an_accounts_median_is_an_injected_anomaly()
    {
        var peak = demo.Rows("""
            WITH daily AS (
                SELECT account_id, event, CAST(timestamp AS DATE) AS day, count(*) AS n FROM events
                WHERE event IN ('api_call', 'export', 'data_processed') GROUP BY ALL),
            medians AS (SELECT account_id, event, median(n) AS m FROM daily GROUP BY ALL)
            SELECT d.account_id, d.event, d.day, d.n / m.m AS ratio FROM daily d JOIN medians m USING (account_id, event)
            ORDER BY ratio DESC, account_id LIMIT 1
            """)[0];

        Assert.True(Convert.ToDouble(peak[3], CultureInfo.InvariantCulture) >= 5);
        Assert.Contains(demo.Scenario.Anomalies, a =>
            a.AccountId == (string)peak[0]! && a.Meter == (string)peak[1]! && a.Day == (DateOnly)peak[2]!);
    }

    [Fact]
    public void People_use_the_product_far_more_on_weekdays_than_at_weekends()
    {
        var ratio = Convert.ToDouble(demo.Scalar("""
            SELECT (count(*) FILTER (WHERE isodow(timestamp) <= 5) / 5.0) / (count(*) FILTER (WHERE isodow(timestamp) > 5) / 2.0)
            FROM events WHERE event = 'login'
            """), CultureInfo.InvariantCulture);

        Assert.True(ratio > 2.5, $"weekday/weekend ratio {ratio:F2}");
    }

    [Fact]
    public void Trial_usage_happens_only_while_the_account_pays_nothing()
    {
        var trialEvents = demo.Count("SELECT count(*) FROM events WHERE classification = 'trial'");
        var paidTrialEvents = demo.Count("""
            SELECT count(*) FROM events e ASOF JOIN subscriptions s ON e.account_id = s.account_id AND e.timestamp >= s.effective_at
            WHERE e.classification = 'trial' AND s.mrr > 0
            """);

        Assert.True(trialEvents > 0);
        Assert.Equal(0L, paidTrialEvents);
    }

    [Fact]
    public void Churners_answer_the_survey_worse_than_expanding_customers()
    {
        var scores = demo.Rows($"""
            WITH churned AS ({Churned}),
            grew AS (SELECT account_id FROM subscriptions GROUP BY account_id HAVING arg_max(mrr, effective_at) > arg_min(mrr, effective_at) AND min(mrr) > 0)
            SELECT (SELECT avg(score) FROM nps WHERE account_id IN (SELECT account_id FROM churned)),
                   (SELECT avg(score) FROM nps WHERE account_id IN (SELECT account_id FROM grew))
            """)[0];

        Assert.True(Convert.ToDouble(scores[0], CultureInfo.InvariantCulture) < 6.5);
        Assert.True(Convert.ToDouble(scores[1], CultureInfo.InvariantCulture) > 8);
    }

    [Fact]
    public void Partners_are_named_and_own_their_share_of_accounts()
    {
        Assert.Equal("Northwind Partners", demo.Scalar("SELECT name FROM partners WHERE partner_id = 'p-northwind'"));
        Assert.Equal(0L, demo.Count("SELECT count(*) FROM accounts WHERE partner_id IS NOT NULL AND partner_id NOT IN (SELECT partner_id FROM partners)"));
        Assert.InRange(demo.Count("SELECT count(*) FROM accounts WHERE partner_id IS NOT NULL"), 15, 33);
    }
}
