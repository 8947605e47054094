using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>Plans the subscription-timeline reads the revenue KPIs need beyond <see cref="QueryPlanner.MrrAt"/>.</summary>
public static class RevenuePlanner
{
    private const string Subscriptions = "s";

    /// <summary>
    /// The accounts in scope that ever paid before <paramref name="instant"/>: one <c>account_id</c> per
    /// account with a row of <c>mrr &gt; 0</c> and <c>effective_at &lt; instant</c>. This tells a
    /// reactivation from a new customer.
    /// </summary>
    public static SqlSelect PaidBefore(DateTime instant, AccountScope scope, IReadOnlyList<Filter> accountFilters)
    {
        var accountId = new SqlColumn(Subscriptions, "account_id");
        var where = new List<SqlExpr>
        {
            new SqlBinary(SqlOperator.Less, new SqlColumn(Subscriptions, "effective_at"), new SqlValue(instant)),
            new SqlBinary(SqlOperator.Greater, new SqlColumn(Subscriptions, "mrr"), new SqlValue(0d)),
        };
        // The accounts query already carries the scope and the filters; only its id column is needed.
        var accounts = QueryPlanner.AccountAttributes(scope, accountFilters, null, []);
        if (accounts.Where is not null)
        {
            where.Add(new SqlInSubquery(accountId, accounts with { Items = [accounts.Items[0]], OrderBy = null }));
        }
        return new SqlSelect(
            [new(accountId, "account_id")],
            new SqlTable(WorkspaceTable.Subscriptions, Subscriptions),
            Where: where.Skip(1).Aggregate(where[0], (acc, t) => new SqlBinary(SqlOperator.And, acc, t)),
            GroupBy: [accountId],
            OrderBy: [new SqlOrder(accountId)]);
    }
}
