using UsageLens.Core.Sql;

namespace UsageLens.Core.Tests.Querying;

/// <summary>
/// Reads a planned statement tree the way a reviewer would: which tables each statement reads and
/// which conditions are ANDed onto it. Written independently of the planner, so the scope tests
/// do not trust the planner's own helpers.
/// </summary>
internal static class PlannedStatements
{
    /// <summary>The statement and every statement nested in it (derived tables and IN subqueries).</summary>
    public static IEnumerable<SqlSelect> All(SqlSelect root)
    {
        yield return root;
        var nested = new List<SqlSelect>();
        if (root.From is SqlSubquery derived)
        {
            nested.Add(derived.Query);
        }
        if (root.Join?.Source is SqlSubquery joined)
        {
            nested.Add(joined.Query);
        }
        nested.AddRange(Subqueries(root.Where));
        foreach (var statement in nested.SelectMany(All))
        {
            yield return statement;
        }
    }

    /// <summary>The conditions ANDed at the top of a WHERE clause.</summary>
    public static IEnumerable<SqlExpr> Conjuncts(SqlExpr? where) => where switch
    {
        null => [],
        SqlBinary { Operator: SqlOperator.And } and => Conjuncts(and.Left).Concat(Conjuncts(and.Right)),
        _ => [where],
    };

    /// <summary>Whether <paramref name="statement"/> itself reads only the partner's rows.</summary>
    public static bool IsRestrictedTo(SqlSelect statement, string partnerId)
    {
        if (statement.From is not SqlTable table)
        {
            return IsRestrictedTo(((SqlSubquery)statement.From).Query, partnerId);
        }
        var conditions = Conjuncts(statement.Where).ToList();
        return table.Table == WorkspaceTable.Accounts
            ? conditions.Any(c => IsPartnerEquals(c, table.Alias, partnerId))
            : conditions.Any(c => c is SqlInSubquery { Negated: false, Value: SqlColumn { Column: "account_id" } member } && member.Table == table.Alias
                && c is SqlInSubquery inner && inner.Query.From is SqlTable { Table: WorkspaceTable.Accounts } accounts
                && Conjuncts(inner.Query.Where).Any(x => IsPartnerEquals(x, accounts.Alias, partnerId)));
    }

    /// <summary>
    /// The statements whose rows reach the result: the root and the derived tables it reads from.
    /// IN subqueries only narrow a statement, so they are not among them.
    /// </summary>
    public static IEnumerable<SqlSelect> Producing(SqlSelect root) =>
        root.From is SqlSubquery derived ? Producing(derived.Query).Prepend(root) : [root];

    /// <summary>Every bound value in a statement's own WHERE clause.</summary>
    public static IEnumerable<object?> BoundValues(SqlExpr? expr) => expr switch
    {
        SqlValue value => [value.Value],
        SqlBinary binary => BoundValues(binary.Left).Concat(BoundValues(binary.Right)),
        SqlNot not => BoundValues(not.Operand),
        SqlIsNull isNull => BoundValues(isNull.Operand),
        SqlInList list => BoundValues(list.Value).Concat(list.Items.SelectMany(BoundValues)),
        _ => [],
    };

    private static bool IsPartnerEquals(SqlExpr condition, string alias, string partnerId) =>
        condition is SqlBinary { Operator: SqlOperator.Equal, Left: SqlColumn { Column: "partner_id" } column, Right: SqlValue { Value: string value } }
        && column.Table == alias && value == partnerId;

    private static IEnumerable<SqlSelect> Subqueries(SqlExpr? expr) => expr switch
    {
        SqlInSubquery sub => Subqueries(sub.Value).Append(sub.Query),
        SqlBinary binary => Subqueries(binary.Left).Concat(Subqueries(binary.Right)),
        SqlNot not => Subqueries(not.Operand),
        SqlIsNull isNull => Subqueries(isNull.Operand),
        _ => [],
    };
}
