using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// Plans queries over NPS answers: answer counts per score, optionally per bucket of
/// <c>responded_at</c> and per account dimension, within the caller's scope.
/// Output columns: <c>bucket</c>, <c>g0..gN</c>, <c>score</c>, <c>value</c> (answers).
/// </summary>
public static class SurveyPlanner
{
    private const string Answers = "n";
    // The alias QueryPlanner.GroupKey reads account dimensions from.
    private const string Accounts = "a";

    public static SqlSelect ScoreCounts(Period period, AccountScope scope, IReadOnlyList<Filter> filters, Grain? grain, IReadOnlyList<Dimension> groups, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var dimension in filters.Select(f => f.Dimension).Concat(groups))
        {
            if (dimension.Source != DimensionSource.Account && !dimension.IsAccountId)
            {
                throw new UsageLensException($"NPS answers can be broken down and filtered by account dimensions only, not '{dimension.Name}'");
            }
        }
        var respondedAt = new SqlColumn(Answers, "responded_at");
        var keys = new List<SqlExpr>();
        var items = new List<SqlSelectItem>();
        if (grain is { } g)
        {
            var bucket = new SqlTimeBucket(g, respondedAt, weekStart);
            keys.Add(bucket);
            items.Add(new SqlSelectItem(bucket, "bucket"));
        }
        for (var i = 0; i < groups.Count; i++)
        {
            var key = groups[i].IsAccountId ? new SqlColumn(Answers, "account_id") : QueryPlanner.GroupKey(groups[i]);
            keys.Add(key);
            items.Add(new SqlSelectItem(key, QueryPlanner.GroupColumn(i)));
        }
        var score = new SqlColumn(Answers, "score");
        keys.Add(score);
        items.Add(new SqlSelectItem(score, "score"));
        items.Add(new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Count, null), "value"));

        var where = new List<SqlExpr>
        {
            new SqlBinary(SqlOperator.GreaterOrEqual, respondedAt, new SqlValue(period.From)),
            new SqlBinary(SqlOperator.Less, respondedAt, new SqlValue(period.To)),
        };
        if (QueryPlanner.AccountPredicate(scope, filters) is { } accounts)
        {
            where.Add(new SqlInSubquery(new SqlColumn(Answers, "account_id"), QueryPlanner.AccountIds(accounts)));
        }
        var join = groups.Any(d => d.Source == DimensionSource.Account)
            ? new SqlJoin(new SqlTable(WorkspaceTable.Accounts, Accounts), new SqlBinary(SqlOperator.Equal, new SqlColumn(Accounts, "account_id"), new SqlColumn(Answers, "account_id")))
            : null;
        return new SqlSelect(items, new SqlTable(WorkspaceTable.Nps, Answers), join, QueryPlanner.And(where), keys, keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>
    /// The NPS answers themselves in <paramref name="period"/>, newest first: <c>account_id</c>, <c>user_id</c>,
    /// <c>responded_at</c>, <c>score</c> and <c>comment</c>, for the accounts of the scope that pass the account filters.
    /// </summary>
    public static SqlSelect Responses(Period period, AccountScope scope, IReadOnlyList<Filter> accountFilters)
    {
        ArgumentNullException.ThrowIfNull(period);
        var respondedAt = new SqlColumn(Answers, "responded_at");
        var where = new List<SqlExpr>
        {
            new SqlBinary(SqlOperator.GreaterOrEqual, respondedAt, new SqlValue(period.From)),
            new SqlBinary(SqlOperator.Less, respondedAt, new SqlValue(period.To)),
        };
        if (QueryPlanner.AccountPredicate(scope, accountFilters) is { } accounts)
        {
            where.Add(new SqlInSubquery(new SqlColumn(Answers, "account_id"), QueryPlanner.AccountIds(accounts)));
        }
        // The answering user's id is masked as the events' user_id is, so a masked caller sees one pseudonym per person.
        string[] columns = ["account_id", "user_id", "responded_at", "score", "comment"];
        return new SqlSelect(
            [.. columns.Select(c => new SqlSelectItem(c == "user_id" ? QueryPlanner.Masked(new SqlColumn(Answers, c), scope.UserIdMasking) : new SqlColumn(Answers, c), c))],
            new SqlTable(WorkspaceTable.Nps, Answers),
            Where: QueryPlanner.And(where),
            OrderBy: [new SqlOrder(respondedAt, Descending: true), new SqlOrder(new SqlColumn(Answers, "user_id"))]);
    }
}
