using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>Plans reads of the subscription timeline as rows, for the insights that look at trials, discounts and plans.</summary>
public static class SubscriptionPlanner
{
    private const string Subscriptions = "s";

    /// <summary>
    /// Every subscription row with <c>effective_at &lt; instant</c> of the accounts in scope that pass the
    /// account filters: <c>account_id</c>, <c>effective_at</c>, <c>plan</c>, <c>mrr</c>, <c>discount_pct</c>
    /// and <c>seats</c>, ordered by account and time.
    /// </summary>
    public static SqlSelect Before(DateTime instant, AccountScope scope, IReadOnlyList<Filter> accountFilters)
    {
        var account = new SqlColumn(Subscriptions, "account_id");
        var effectiveAt = new SqlColumn(Subscriptions, "effective_at");
        var where = new List<SqlExpr> { new SqlBinary(SqlOperator.Less, effectiveAt, new SqlValue(instant)) };
        if (QueryPlanner.AccountPredicate(scope, accountFilters) is { } accounts)
        {
            where.Add(new SqlInSubquery(account, QueryPlanner.AccountIds(accounts)));
        }
        return new SqlSelect(
            [
                new(account, "account_id"),
                new(effectiveAt, "effective_at"),
                new(new SqlColumn(Subscriptions, "plan"), "plan"),
                new(new SqlColumn(Subscriptions, "mrr"), "mrr"),
                new(new SqlColumn(Subscriptions, "discount_pct"), "discount_pct"),
                new(new SqlColumn(Subscriptions, "seats"), "seats"),
            ],
            new SqlTable(WorkspaceTable.Subscriptions, Subscriptions),
            Where: QueryPlanner.And(where),
            OrderBy: [new SqlOrder(account), new SqlOrder(effectiveAt)]);
    }
}
