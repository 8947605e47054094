using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>Plans the reads usage charges need: the plan in force per account, and usage per account and meter.</summary>
public static class FinancePlanner
{
    /// <summary>Per account: the plan and included units of the latest subscription row with <c>effective_at &lt; instant</c>.</summary>
    public static SqlSelect PlanAt(DateTime instant, AccountScope scope, IReadOnlyList<Filter> accountFilters)
    {
        var subscriptions = "s";
        var effectiveAt = new SqlColumn(subscriptions, "effective_at");
        var where = new List<SqlExpr> { new SqlBinary(SqlOperator.Less, effectiveAt, new SqlValue(instant)) };
        if (QueryPlanner.AccountPredicate(scope, accountFilters) is { } accounts)
        {
            where.Add(new SqlInSubquery(new SqlColumn(subscriptions, "account_id"), QueryPlanner.AccountIds(accounts)));
        }
        var account = new SqlColumn(subscriptions, "account_id");
        return new SqlSelect(
            [
                new(account, "account_id"),
                new(new SqlArgMax(new SqlColumn(subscriptions, "plan"), effectiveAt), "plan"),
                new(new SqlToText(new SqlArgMax(new SqlColumn(subscriptions, "included_units"), effectiveAt)), "included_units"),
            ],
            new SqlTable(WorkspaceTable.Subscriptions, subscriptions),
            Where: QueryPlanner.And(where),
            GroupBy: [account],
            OrderBy: [new SqlOrder(account)]);
    }

    /// <summary>Σ quantity per (account, meter) over a period for the given meters, within scope and filters.</summary>
    public static SqlSelect UsageByAccountAndMeter(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyCollection<string> meters, EventReads reads = EventReads.Rollups)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(filters);
        var events = "e";
        var source = EventSource.For(reads, period, needsUsers: false, filters.Select(f => f.Dimension));
        var timestamp = source.Time(events);
        var where = new List<SqlExpr>
        {
            new SqlInList(new SqlColumn(events, "event"), meters.Order(StringComparer.Ordinal).Select(m => (SqlExpr)new SqlValue(m)).ToList()),
            new SqlBinary(SqlOperator.GreaterOrEqual, timestamp, new SqlValue(period.From)),
            new SqlBinary(SqlOperator.Less, timestamp, new SqlValue(period.To)),
        };
        where.AddRange(QueryPlanner.EventConditions(scope, filters));
        SqlExpr[] keys = [new SqlColumn(events, "account_id"), new SqlColumn(events, "event")];
        return new SqlSelect(
            [new(keys[0], "account_id"), new(keys[1], "event"), new(new SqlAggregate(SqlAggregateKind.Sum, new SqlColumn(events, "quantity")), "value")],
            source.From(events),
            Where: QueryPlanner.And(where),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }
}
