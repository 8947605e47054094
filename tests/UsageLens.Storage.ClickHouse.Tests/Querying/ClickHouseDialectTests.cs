using UsageLens.Core.Sql;
using UsageLens.Storage.ClickHouse.Querying;

namespace UsageLens.Storage.ClickHouse.Tests.Querying;

/// <summary>The exact ClickHouse text of hand-built statements, written out by hand.</summary>
public sealed class ClickHouseDialectTests
{
    private static readonly ClickHouseDialect s_dialect = new("ws");

    private static readonly DateTime s_november = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string Render(SqlSelect query) => s_dialect.Render(query).Text;

    private static SqlSelect FromEvents(SqlExpr expr, SqlExpr? where = null) =>
        new([new SqlSelectItem(expr, "value")], new SqlTable(WorkspaceTable.Events, "e"), Where: where);

    [Fact]
    public void Output_names_get_a_suffix_that_an_enclosing_query_uses_and_profiles_are_read_through_final()
    {
        var perAccount = new SqlSelect(
            [
                new SqlSelectItem(new SqlColumn("e", "account_id"), "account_id"),
                new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Sum, new SqlColumn("e", "quantity")), "quantity"),
            ],
            new SqlTable(WorkspaceTable.Events, "e"),
            Where: new SqlBinary(SqlOperator.GreaterOrEqual, new SqlColumn("e", "timestamp"), new SqlValue(s_november)),
            GroupBy: [new SqlColumn("e", "account_id")]);
        var query = new SqlSelect(
            [
                new SqlSelectItem(new SqlColumn("t", "account_id"), "account_id"),
                new SqlSelectItem(new SqlColumn("a", "segment"), "segment"),
                new SqlSelectItem(new SqlColumn("t", "quantity"), "quantity"),
            ],
            new SqlSubquery(perAccount, "t"),
            Join: new SqlJoin(new SqlTable(WorkspaceTable.Accounts, "a"), new SqlBinary(SqlOperator.Equal, new SqlColumn("t", "account_id"), new SqlColumn("a", "account_id"))),
            OrderBy: [new SqlOrder(new SqlColumn("t", "quantity"), Descending: true)],
            Limit: 10);

        Assert.Equal(
            "SELECT t.`account_id_` AS `account_id_`, a.`segment` AS `segment_`, t.`quantity_` AS `quantity_` "
            + "FROM (SELECT e.`account_id` AS `account_id_`, sum(e.`quantity`) AS `quantity_` FROM ws.events AS e "
            + "WHERE (e.`timestamp` >= toDateTime('2026-11-01 00:00:00', 'UTC')) GROUP BY e.`account_id`) AS t "
            + "ALL LEFT JOIN (SELECT * FROM ws.accounts FINAL) AS a ON (`account_id_` = a.`account_id`) "
            + "ORDER BY t.`quantity_` DESC LIMIT 10",
            Render(query));
    }

    [Fact]
    public void A_join_condition_names_the_left_tables_columns_bare_and_the_right_tables_qualified()
    {
        var query = new SqlSelect(
            [new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "events")],
            new SqlTable(WorkspaceTable.Events, "e"),
            Join: new SqlJoin(new SqlTable(WorkspaceTable.Users, "u"), new SqlBinary(SqlOperator.Equal, new SqlColumn("e", "user_id"), new SqlColumn("u", "user_id"))),
            Where: new SqlIsNull(new SqlColumn("u", "email"), Negated: true));

        Assert.Equal(
            "SELECT count(*) AS `events_` FROM ws.events AS e ALL LEFT JOIN (SELECT * FROM ws.users FINAL) AS u "
            + "ON (`user_id` = u.`user_id`) WHERE (u.`email` IS NOT NULL)",
            Render(query));
    }

    [Fact]
    public void Every_table_is_named_with_the_workspace_database()
    {
        (WorkspaceTable Table, string Text)[] tables =
        [
            (WorkspaceTable.Events, "ws.events"), (WorkspaceTable.AccountDays, "ws.rollup_account_days"), (WorkspaceTable.UserDays, "ws.rollup_user_days"),
            (WorkspaceTable.Accounts, "(SELECT * FROM ws.accounts FINAL)"), (WorkspaceTable.Users, "(SELECT * FROM ws.users FINAL)"),
            (WorkspaceTable.Subscriptions, "(SELECT * FROM ws.subscriptions FINAL)"), (WorkspaceTable.Nps, "(SELECT * FROM ws.nps FINAL)"),
            (WorkspaceTable.Partners, "(SELECT * FROM ws.partners FINAL)"),
        ];
        foreach (var (table, text) in tables)
        {
            Assert.Equal($"SELECT count(*) AS `n_` FROM {text} AS x",
                Render(new SqlSelect([new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "n")], new SqlTable(table, "x"))));
        }
    }

    [Fact]
    public void In_and_not_in_lists_give_null_for_a_null_value_as_sql_does()
    {
        var segment = new SqlColumn("e", "product");
        SqlExpr[] items = [new SqlValue("core"), new SqlValue("it's")];
        Assert.Equal(
            "SELECT if(isNull(e.`product`), NULL, e.`product` IN ('core', 'it\\'s')) AS `value_` FROM ws.events AS e",
            Render(FromEvents(new SqlInList(segment, items))));
        Assert.Equal(
            "SELECT if(isNull(e.`product`), NULL, e.`product` NOT IN ('core', 'it\\'s')) AS `value_` FROM ws.events AS e",
            Render(FromEvents(new SqlInList(segment, items, Negated: true))));
        Assert.Equal("SELECT 0 AS `value_` FROM ws.events AS e", Render(FromEvents(new SqlInList(segment, []))));
        Assert.Equal("SELECT 1 AS `value_` FROM ws.events AS e", Render(FromEvents(new SqlInList(segment, [], Negated: true))));
    }

    [Fact]
    public void Arg_max_keeps_a_null_latest_value_by_wrapping_it_in_a_tuple()
    {
        var query = new SqlSelect(
            [new SqlSelectItem(new SqlArgMax(new SqlColumn("s", "plan"), new SqlColumn("s", "effective_at")), "plan")],
            new SqlTable(WorkspaceTable.Subscriptions, "s"),
            GroupBy: [new SqlColumn("s", "account_id")]);
        Assert.Equal(
            "SELECT tupleElement(argMax(tuple(s.`plan`), s.`effective_at`), 1) AS `plan_` FROM (SELECT * FROM ws.subscriptions FINAL) AS s GROUP BY s.`account_id`",
            Render(query));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, "toDateTime(toMonday(e.`timestamp`), 'UTC')")]
    [InlineData(DayOfWeek.Sunday, "(toDateTime(toMonday(e.`timestamp` + INTERVAL 1 DAY), 'UTC') - INTERVAL 1 DAY)")]
    [InlineData(DayOfWeek.Saturday, "(toDateTime(toMonday(e.`timestamp` + INTERVAL 2 DAY), 'UTC') - INTERVAL 2 DAY)")]
    [InlineData(DayOfWeek.Tuesday, "(toDateTime(toMonday(e.`timestamp` + INTERVAL 6 DAY), 'UTC') - INTERVAL 6 DAY)")]
    public void Week_buckets_shift_the_start_day_onto_monday(DayOfWeek weekStart, string bucket) =>
        Assert.Equal($"SELECT {bucket} AS `value_` FROM ws.events AS e",
            Render(FromEvents(new SqlTimeBucket(Grain.Week, new SqlColumn("e", "timestamp"), weekStart))));

    [Fact]
    public void Day_month_and_distinct_counts_use_clickhouse_functions()
    {
        var timestamp = new SqlColumn("e", "timestamp");
        Assert.Equal("SELECT toStartOfDay(e.`timestamp`) AS `value_` FROM ws.events AS e", Render(FromEvents(new SqlTimeBucket(Grain.Day, timestamp, DayOfWeek.Monday))));
        Assert.Equal("SELECT toDateTime(toStartOfMonth(e.`timestamp`), 'UTC') AS `value_` FROM ws.events AS e",
            Render(FromEvents(new SqlTimeBucket(Grain.Month, timestamp, DayOfWeek.Monday))));
        Assert.Equal("SELECT uniqExact(e.`user_id`) AS `value_` FROM ws.events AS e",
            Render(FromEvents(new SqlAggregate(SqlAggregateKind.CountDistinct, new SqlColumn("e", "user_id")))));
        Assert.Equal("SELECT toFloat64OrNull(toString(e.`quantity`)) AS `value_` FROM ws.events AS e", Render(FromEvents(new SqlToNumber(new SqlColumn("e", "quantity")))));
    }

    [Fact]
    public void Values_are_literals_and_no_parameters_are_bound()
    {
        var rendered = s_dialect.Render(FromEvents(new SqlColumn("e", "id"),
            new SqlBinary(SqlOperator.And,
                new SqlBinary(SqlOperator.Equal, new SqlColumn("e", "account_id"), new SqlValue("x') OR 1=1 --")),
                new SqlBinary(SqlOperator.Greater, new SqlColumn("e", "quantity"), new SqlValue(-2.5)))));
        Assert.Equal(
            "SELECT e.`id` AS `value_` FROM ws.events AS e WHERE ((e.`account_id` = 'x\\') OR 1=1 --') AND (e.`quantity` > toFloat64(-2.5)))",
            rendered.Text);
        Assert.Empty(rendered.Parameters);
    }
}
