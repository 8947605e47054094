using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.DuckDb.Tests.Querying;

public sealed class DuckDbDialectTests
{
    private static readonly SemanticModel s_model = new(WorkspaceCatalog.Empty with { MeterUnits = new Dictionary<string, string> { ["api_call"] = "count" } });

    [Fact]
    public void A_scoped_grouped_daily_query_renders_with_every_value_bound()
    {
        var query = new MetricQuery(
            new UsageMetric("api_call", Aggregation.Users),
            Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)),
            AccountScope.Partner("p-north"),
            [FilterSyntax.Parse("segment=enterprise", s_model)],
            Grain.Day,
            [s_model.Dimension("plan")],
            Reads: EventReads.RawEvents);

        var sql = DuckDbDialect.Instance.Render(QueryPlanner.Usage(query));

        Assert.Equal(
            "SELECT date_trunc('day', e.timestamp) AS bucket, a.plan AS g0, count(DISTINCT e.user_id) AS value "
            + "FROM events AS e LEFT JOIN accounts AS a ON (a.account_id = e.account_id) "
            + "WHERE (((((e.event = $1) AND (e.timestamp >= $2)) AND (e.timestamp < $3)) "
            + "AND (e.account_id IN (SELECT a.account_id AS account_id FROM accounts AS a WHERE (a.partner_id = $4)))) "
            + "AND (e.account_id IN (SELECT a.account_id AS account_id FROM accounts AS a WHERE (a.segment = $5)))) "
            + "GROUP BY date_trunc('day', e.timestamp), a.plan ORDER BY date_trunc('day', e.timestamp), a.plan",
            sql.Text);
        Assert.Equal(["api_call", new DateTime(2026, 10, 1), new DateTime(2026, 11, 1), "p-north", "enterprise"], sql.Parameters);
    }

    [Fact]
    public void An_event_count_over_whole_days_reads_the_account_rollup_and_sums_its_counts()
    {
        var query = new MetricQuery(
            new UsageMetric("api_call", Aggregation.Count),
            Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)),
            AccountScope.All,
            [FilterSyntax.Parse("segment=enterprise", s_model)],
            Grain.Week);

        var sql = DuckDbDialect.Instance.Render(QueryPlanner.Usage(query));

        Assert.Equal(
            "SELECT date_trunc('week', e.day) AS bucket, sum(e.events) AS value "
            + "FROM rollup_account_days AS e "
            + "WHERE ((((e.event = $1) AND (e.day >= $2)) AND (e.day < $3)) "
            + "AND (e.account_id IN (SELECT a.account_id AS account_id FROM accounts AS a WHERE (a.segment = $4)))) "
            + "GROUP BY date_trunc('week', e.day) ORDER BY date_trunc('week', e.day)",
            sql.Text);
    }

    [Theory]
    [InlineData("users(api_call)", null, "2026-10-01T00:00:00", "rollup_user_days")]
    [InlineData("api_call", "user_id=u1", "2026-10-01T00:00:00", "rollup_user_days")]
    [InlineData("api_call", "account_id=a1", "2026-10-01T00:00:00", "rollup_account_days")]
    [InlineData("accounts(api_call)", null, "2026-10-01T00:00:00", "rollup_account_days")]
    [InlineData("api_call", "properties.endpoint=/v1", "2026-10-01T00:00:00", "events")]
    [InlineData("api_call", null, "2026-10-01T06:00:00", "events")]
    public void The_planner_reads_the_smallest_relation_that_answers_exactly(string metric, string? filter, string from, string table)
    {
        var model = new SemanticModel(WorkspaceCatalog.Empty with
        {
            MeterUnits = new Dictionary<string, string> { ["api_call"] = "calls" },
            EventProperties = new HashSet<string>(["endpoint"]),
        });
        Assert.True(UsageMetric.TryParse(metric, out var parsed, out _));
        var query = new MetricQuery(
            parsed!,
            new Period(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture), new DateTime(2026, 11, 1)),
            AccountScope.All,
            filter is null ? [] : [FilterSyntax.Parse(filter, model)]);

        var sql = DuckDbDialect.Instance.Render(QueryPlanner.Usage(query));

        Assert.Contains($" FROM {table} AS e ", sql.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_in_names_and_values_only_ever_reaches_parameters()
    {
        const string hostile = "x'); DROP TABLE events; --";
        var model = new SemanticModel(WorkspaceCatalog.Empty with { MeterUnits = new Dictionary<string, string> { [hostile] = "count" } });
        var query = new MetricQuery(
            new UsageMetric(hostile, Aggregation.Sum),
            Period.Days(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)),
            AccountScope.All,
            [FilterSyntax.Parse($"properties.{hostile}={hostile}", model)],
            GroupBy: [model.Dimension($"account.{hostile}")]);

        var sql = DuckDbDialect.Instance.Render(QueryPlanner.Usage(query));

        Assert.DoesNotContain("DROP", sql.Text, StringComparison.Ordinal);
        // The text itself (event name, filter value) and its JSON pointer (the filter's key, and the group
        // key in SELECT, GROUP BY and ORDER BY): each bound once and reused, so GROUP BY matches SELECT.
        Assert.Equal(2, sql.Parameters.Count(p => p is string s && s.Contains("DROP", StringComparison.Ordinal)));
    }
}
