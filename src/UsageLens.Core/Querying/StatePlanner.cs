using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// Plans the two reads a state metric needs. State events are sparse, so both return raw
/// state rows and the time in each state is computed in memory. Output columns:
/// <c>timestamp</c>, <c>account_id</c>, <c>entity</c>, <c>state</c>, then the group keys <c>g0..gN</c>.
/// </summary>
public static class StatePlanner
{
    private const string Events = "e";
    private const string Accounts = "a";
    private const string Before = "s";

    /// <summary>
    /// Each entity's last state before the period: the state in force when it starts. The state rows
    /// are read in a subquery and grouped outside it, by plain columns, because an engine cannot
    /// match a JSON lookup with a bound key in SELECT to the same lookup in GROUP BY.
    /// </summary>
    public static SqlSelect InForceAtStart(StateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = Rows(query, new SqlBinary(SqlOperator.Less, Col("timestamp"), new SqlValue(query.Period.From)));
        var timestamp = new SqlColumn(Before, "timestamp");
        var keys = new List<SqlExpr> { new SqlColumn(Before, "account_id"), new SqlColumn(Before, "entity") };
        keys.AddRange(query.Groups.Select((_, i) => new SqlColumn(Before, QueryPlanner.GroupColumn(i))));
        var items = new List<SqlSelectItem>
        {
            new(new SqlAggregate(SqlAggregateKind.Max, timestamp), "timestamp"),
            new(keys[0], "account_id"),
            new(keys[1], "entity"),
            new(new SqlArgMax(new SqlColumn(Before, "state"), timestamp), "state"),
        };
        items.AddRange(keys.Skip(2).Select((k, i) => new SqlSelectItem(k, QueryPlanner.GroupColumn(i))));
        return new SqlSelect(items, new SqlSubquery(rows, Before), GroupBy: keys, OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>Every state change inside the period, oldest first.</summary>
    public static SqlSelect Changes(StateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rows(
            query,
            new SqlBinary(SqlOperator.GreaterOrEqual, Col("timestamp"), new SqlValue(query.Period.From)),
            new SqlBinary(SqlOperator.Less, Col("timestamp"), new SqlValue(query.Period.To))) with
        {
            OrderBy = [new SqlOrder(Col("timestamp")), new SqlOrder(Col("id"))],
        };
    }

    private static SqlSelect Rows(StateQuery query, params SqlExpr[] time)
    {
        var items = new List<SqlSelectItem>
        {
            new(Col("timestamp"), "timestamp"),
            new(Col("account_id"), "account_id"),
            new(Entity(query), "entity"),
            new(State(query), "state"),
        };
        items.AddRange(query.Groups.Select((g, i) => new SqlSelectItem(QueryPlanner.GroupKey(g, query.Scope), QueryPlanner.GroupColumn(i))));
        return new SqlSelect(items, new SqlTable(WorkspaceTable.Events, Events), Join(query), Conditions(query, time));
    }

    // Without an entity property each account is one entity, so its id doubles as the entity.
    private static SqlExpr Entity(StateQuery query) =>
        query.Metric.Entity is { } key ? new SqlJsonText(Col("properties"), key) : Col("account_id");

    private static SqlJsonText State(StateQuery query) => new(Col("properties"), query.Metric.Property);

    private static SqlJoin? Join(StateQuery query) =>
        query.Groups.Any(g => g.Source == DimensionSource.Account)
            ? new SqlJoin(new SqlTable(WorkspaceTable.Accounts, Accounts), new SqlBinary(SqlOperator.Equal, new SqlColumn(Accounts, "account_id"), Col("account_id")))
            : null;

    private static SqlExpr Conditions(StateQuery query, params SqlExpr[] time)
    {
        var where = new List<SqlExpr> { new SqlBinary(SqlOperator.Equal, Col("event"), new SqlValue(query.Metric.Event)) };
        where.AddRange(time);
        if (query.Metric.Entity is not null)
        {
            where.Add(new SqlIsNull(Entity(query), Negated: true));
        }
        where.Add(new SqlIsNull(State(query), Negated: true));
        where.AddRange(QueryPlanner.EventConditions(query.Scope, query.Filters));
        return QueryPlanner.And(where);
    }

    private static SqlColumn Col(string column) => new(Events, column);
}
