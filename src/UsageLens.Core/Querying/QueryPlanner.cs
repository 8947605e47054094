using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// Turns semantic queries into dialect-neutral SQL trees. It decides what is read and how it is
/// filtered; it never writes SQL text. The caller's scope is applied to every statement.
/// Output columns are named <c>bucket</c>, <c>g0..gN</c> (group keys, as text) and <c>value</c>.
/// </summary>
public static class QueryPlanner
{
    private const string Events = "e";
    private const string Accounts = "a";
    private const string Users = "u";
    private const string Subscriptions = "s";

    /// <summary>The output name of the <paramref name="index"/>th group key in every planned breakdown.</summary>
    public static string GroupColumn(int index) => $"g{index}";

    public static SqlSelect Usage(MetricQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var groups = query.Groups;
        var joinsAccounts = groups.Any(g => g.Source == DimensionSource.Account);
        var joinsUsers = groups.Any(g => g.Source == DimensionSource.User);
        if (joinsAccounts && joinsUsers)
        {
            throw new UsageLensException("grouping by an account dimension and a user dimension at once is not supported; group by one of them");
        }

        var source = EventSource.For(query.Reads, query.Period, query.Metric.Aggregation == Aggregation.Users, groups.Concat(query.Filters.Select(f => f.Dimension)));
        var items = new List<SqlSelectItem>();
        var keys = new List<SqlExpr>();
        if (query.Grain is { } grain)
        {
            var bucket = new SqlTimeBucket(grain, source.Time(Events), query.WeekStart);
            items.Add(new SqlSelectItem(bucket, "bucket"));
            keys.Add(bucket);
        }
        for (var i = 0; i < groups.Count; i++)
        {
            var key = GroupKey(groups[i], query.Scope);
            items.Add(new SqlSelectItem(key, GroupColumn(i)));
            keys.Add(key);
        }
        items.Add(new SqlSelectItem(Value(query.Metric, source), "value"));

        var where = new List<SqlExpr>
        {
            Eq(Col(Events, "event"), query.Metric.Event),
            new SqlBinary(SqlOperator.GreaterOrEqual, source.Time(Events), new SqlValue(query.Period.From)),
            new SqlBinary(SqlOperator.Less, source.Time(Events), new SqlValue(query.Period.To)),
        };
        where.AddRange(EventConditions(query.Scope, query.Filters));

        SqlJoin? join = joinsAccounts
            ? new SqlJoin(new SqlTable(WorkspaceTable.Accounts, Accounts), new SqlBinary(SqlOperator.Equal, Col(Accounts, "account_id"), Col(Events, "account_id")))
            : joinsUsers
                ? new SqlJoin(new SqlTable(WorkspaceTable.Users, Users), new SqlBinary(SqlOperator.Equal, Col(Users, "user_id"), Col(Events, "user_id")))
                : null;

        return new SqlSelect(items, source.From(Events), join, And(where), keys, keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>
    /// One row per account in scope that passes the account filters: <c>account_id</c>, the
    /// numeric <paramref name="rankField"/> as <c>value</c> (or null), and the account dimensions as <c>g0..gN</c>.
    /// </summary>
    public static SqlSelect AccountAttributes(AccountScope scope, IReadOnlyList<Filter> accountFilters, string? rankField, IReadOnlyList<Dimension> accountGroups)
    {
        ArgumentNullException.ThrowIfNull(accountGroups);
        var items = new List<SqlSelectItem> { new(Col(Accounts, "account_id"), "account_id") };
        items.Add(new SqlSelectItem(rankField is null ? new SqlValue(null) : Col(Accounts, rankField), "value"));
        for (var i = 0; i < accountGroups.Count; i++)
        {
            items.Add(new SqlSelectItem(GroupKey(accountGroups[i]), GroupColumn(i)));
        }
        return new SqlSelect(items, new SqlTable(WorkspaceTable.Accounts, Accounts), Where: AccountPredicate(scope, accountFilters), OrderBy: [new SqlOrder(Col(Accounts, "account_id"))]);
    }

    /// <summary>Each account's MRR in force just before <paramref name="instant"/>: the latest row with <c>effective_at &lt; instant</c>.</summary>
    public static SqlSelect MrrAt(DateTime instant, AccountScope scope, IReadOnlyList<Filter> accountFilters)
    {
        var where = new List<SqlExpr> { new SqlBinary(SqlOperator.Less, Col(Subscriptions, "effective_at"), new SqlValue(instant)) };
        if (AccountPredicate(scope, accountFilters) is { } accounts)
        {
            where.Add(new SqlInSubquery(Col(Subscriptions, "account_id"), AccountIds(accounts)));
        }
        return new SqlSelect(
            [new(Col(Subscriptions, "account_id"), "account_id"), new(new SqlArgMax(Col(Subscriptions, "mrr"), Col(Subscriptions, "effective_at")), "value")],
            new SqlTable(WorkspaceTable.Subscriptions, Subscriptions),
            Where: And(where),
            GroupBy: [Col(Subscriptions, "account_id")],
            OrderBy: [new SqlOrder(Col(Subscriptions, "account_id"))]);
    }

    private static SqlExpr Value(UsageMetric metric, EventSource source) => metric.Aggregation switch
    {
        Aggregation.Sum => new SqlAggregate(SqlAggregateKind.Sum, Col(Events, "quantity")),
        Aggregation.Count => source.EventCount(Events),
        Aggregation.Users => new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, "user_id")),
        _ => new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, "account_id")),
    };

    /// <summary>The conditions on the events table (alias <c>e</c>) for a scope and any filters.</summary>
    internal static IEnumerable<SqlExpr> EventConditions(AccountScope scope, IReadOnlyList<Filter> filters) =>
        EventScope(scope).Concat(filters.Select(EventFilter));

    private static IEnumerable<SqlExpr> EventScope(AccountScope scope)
    {
        if (!scope.IsAll)
        {
            yield return new SqlInSubquery(Col(Events, "account_id"), AccountIds(Eq(Col(Accounts, "partner_id"), scope.PartnerId)));
        }
    }

    private static SqlExpr EventFilter(Filter filter)
    {
        var dimension = filter.Dimension;
        return dimension.Source switch
        {
            DimensionSource.Event => Condition(filter, Events),
            DimensionSource.Account => Membership(Col(Events, "account_id"), AccountIds(Positive(filter, Accounts)), filter),
            _ => Membership(Col(Events, "user_id"), new SqlSelect([new(Col(Users, "user_id"), "user_id")], new SqlTable(WorkspaceTable.Users, Users), Where: Positive(filter, Users)), filter),
        };
    }

    /// <summary>
    /// The conditions on the users table (alias <c>u</c>) for a scope and filters on account and
    /// user dimensions, by the same rules as on events: a user with no account fails a positive
    /// account filter and passes a "!=" one.
    /// </summary>
    internal static IEnumerable<SqlExpr> UserConditions(AccountScope scope, IReadOnlyList<Filter> filters)
    {
        if (!scope.IsAll)
        {
            yield return new SqlInSubquery(Col(Users, "account_id"), AccountIds(Eq(Col(Accounts, "partner_id"), scope.PartnerId)));
        }
        foreach (var filter in filters)
        {
            var dimension = filter.Dimension;
            yield return dimension.Source switch
            {
                DimensionSource.Account => Membership(Col(Users, "account_id"), AccountIds(Positive(filter, Accounts)), filter),
                DimensionSource.User => Condition(filter, Users),
                _ when dimension.Column is "account_id" or "user_id" => Condition(filter, Users),
                _ => throw new ArgumentException($"'{dimension.Name}' is not an account or user dimension", nameof(filters)),
            };
        }
    }

    // "segment != trial" keeps accounts with no segment and accounts missing from the CRM: it
    // excludes exactly the accounts known to be trials.
    private static SqlExpr Membership(SqlExpr key, SqlSelect matching, Filter filter) =>
        filter.Operator == FilterOperator.NotIn
            ? new SqlBinary(SqlOperator.Or, new SqlIsNull(key), new SqlInSubquery(key, matching, Negated: true))
            : new SqlInSubquery(key, matching);

    /// <summary>The condition on the accounts table (alias <c>a</c>) for a scope and account filters, or null for all accounts.</summary>
    internal static SqlExpr? AccountPredicate(AccountScope scope, IReadOnlyList<Filter> accountFilters)
    {
        var where = new List<SqlExpr>();
        if (!scope.IsAll)
        {
            where.Add(Eq(Col(Accounts, "partner_id"), scope.PartnerId));
        }
        foreach (var filter in accountFilters)
        {
            if (filter.Dimension.Source != DimensionSource.Account && !filter.Dimension.IsAccountId)
            {
                throw new ArgumentException($"'{filter.Dimension.Name}' is not an account dimension", nameof(accountFilters));
            }
            where.Add(Condition(filter, Accounts));
        }
        return where.Count == 0 ? null : And(where);
    }

    private static SqlExpr Condition(Filter filter, string alias)
    {
        var column = DimensionColumn(filter.Dimension, alias, numeric: filter.Operator is not (FilterOperator.In or FilterOperator.NotIn));
        return filter.Operator == FilterOperator.NotIn
            ? new SqlBinary(SqlOperator.Or, new SqlIsNull(column), new SqlInList(column, Values(filter), Negated: true))
            : Positive(filter, alias);
    }

    private static SqlExpr Positive(Filter filter, string alias)
    {
        var ordered = filter.Operator is not (FilterOperator.In or FilterOperator.NotIn);
        var column = DimensionColumn(filter.Dimension, alias, ordered);
        if (!ordered)
        {
            return filter.Values.Count == 1 ? new SqlBinary(SqlOperator.Equal, column, Values(filter)[0]) : new SqlInList(column, Values(filter));
        }
        var op = filter.Operator switch
        {
            FilterOperator.Less => SqlOperator.Less,
            FilterOperator.LessOrEqual => SqlOperator.LessOrEqual,
            FilterOperator.Greater => SqlOperator.Greater,
            _ => SqlOperator.GreaterOrEqual,
        };
        return new SqlBinary(op, column, new SqlValue(filter.Values[0]));
    }

    private static List<SqlExpr> Values(Filter filter) => filter.Values.Select(v => (SqlExpr)new SqlValue(v)).ToList();

    private static SqlExpr DimensionColumn(Dimension dimension, string alias, bool numeric)
    {
        // account_id is an event column but also the accounts key, so it works from either table.
        var column = Col(alias == Accounts && dimension.IsAccountId ? Accounts : alias, dimension.Column);
        if (dimension.JsonKey is null)
        {
            return column;
        }
        SqlExpr text = new SqlJsonText(column, dimension.JsonKey);
        return numeric ? new SqlToNumber(text) : text;
    }

    /// <summary>A dimension as a text group key, read from its table's usual alias (e, a or u).</summary>
    internal static SqlExpr GroupKey(Dimension dimension)
    {
        var alias = dimension.Source switch
        {
            DimensionSource.Account => Accounts,
            DimensionSource.User => Users,
            _ => Events,
        };
        var column = DimensionColumn(dimension, alias, numeric: false);
        return dimension.Kind == DimensionKind.Text && dimension.JsonKey is null ? column : new SqlToText(column);
    }

    /// <summary>
    /// A dimension as a text group key, masked as the caller's scope requires: personal values become stable
    /// pseudonyms here, where every breakdown is planned, so no page or endpoint has to remember to hide them.
    /// </summary>
    internal static SqlExpr GroupKey(Dimension dimension, AccountScope scope) => Masked(GroupKey(dimension), scope.Masking(dimension));

    /// <summary>A value as <paramref name="masking"/> shows it: as it is, or as a stable pseudonym (always, or when it is an e-mail).</summary>
    internal static SqlExpr Masked(SqlExpr value, PiiMasking masking) => masking switch
    {
        PiiMasking.Always => new SqlPseudonym(value, OnlyEmails: false),
        PiiMasking.EmailsOnly => new SqlPseudonym(value, OnlyEmails: true),
        _ => value,
    };

    /// <summary><c>SELECT account_id FROM accounts AS a WHERE …</c>, for <c>IN (subquery)</c> conditions.</summary>
    internal static SqlSelect AccountIds(SqlExpr where) =>
        new([new(Col(Accounts, "account_id"), "account_id")], new SqlTable(WorkspaceTable.Accounts, Accounts), Where: where);

    private static SqlColumn Col(string table, string column) => new(table, column);

    private static SqlBinary Eq(SqlExpr left, object? value) => new(SqlOperator.Equal, left, new SqlValue(value));

    internal static SqlExpr And(IReadOnlyList<SqlExpr> terms) =>
        terms.Count == 1 ? terms[0] : terms.Skip(1).Aggregate(terms[0], (acc, t) => new SqlBinary(SqlOperator.And, acc, t));

    internal static SqlExpr Or(IReadOnlyList<SqlExpr> terms) =>
        terms.Count == 1 ? terms[0] : terms.Skip(1).Aggregate(terms[0], (acc, t) => new SqlBinary(SqlOperator.Or, acc, t));

    /// <summary><c>instant</c> in <c>[period.From, period.To)</c>.</summary>
    internal static SqlExpr Within(SqlExpr instant, Period period) =>
        And([new SqlBinary(SqlOperator.GreaterOrEqual, instant, new SqlValue(period.From)), new SqlBinary(SqlOperator.Less, instant, new SqlValue(period.To))]);
}
