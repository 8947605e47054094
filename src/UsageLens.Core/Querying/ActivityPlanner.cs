using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// Plans the reads behind the engagement KPIs: who was active when, per account. Only events with
/// a user_id count as activity. Account filters and groups are applied by the caller from
/// <see cref="QueryPlanner.AccountAttributes"/>, so these statements only carry the scope.
/// </summary>
internal static class ActivityPlanner
{
    private const string Events = "e";
    private const string Accounts = "a";
    private const string Users = "u";

    /// <summary>Distinct <c>(day, user_id, account_id)</c> with at least one event in the period.</summary>
    public static SqlSelect ActiveDays(Period period, AccountScope scope)
    {
        var day = new SqlTimeBucket(Grain.Day, Col(Events, "timestamp"), DayOfWeek.Monday);
        SqlExpr[] keys = [day, Col(Events, "user_id"), Col(Events, "account_id")];
        return new SqlSelect(
            [new(day, "day"), new(keys[1], "user_id"), new(keys[2], "account_id")],
            new SqlTable(WorkspaceTable.Events, Events),
            Where: And(UserEvents(period, scope, null)),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>
    /// Events per <c>(day, entity, account_id)</c> in the period, where the entity column is
    /// <c>user_id</c> or <c>account_id</c>; optionally only one event name.
    /// </summary>
    public static SqlSelect EntityDays(string entity, Period period, AccountScope scope, string? eventName)
    {
        var day = new SqlTimeBucket(Grain.Day, Col(Events, "timestamp"), DayOfWeek.Monday);
        SqlExpr[] keys = [day, Col(Events, entity), Col(Events, "account_id")];
        return new SqlSelect(
            [new(day, "day"), new(keys[1], "entity"), new(keys[2], "account_id"), new(new SqlAggregate(SqlAggregateKind.Count, null), "events")],
            new SqlTable(WorkspaceTable.Events, Events),
            Where: And(Entities(entity, period.From, period.To, scope, eventName)),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>
    /// Each entity's first event through each account before <paramref name="before"/>, optionally of
    /// one event name: <c>entity, account_id, first_at</c>. Per account so account filters can apply.
    /// </summary>
    public static SqlSelect FirstEvents(string entity, DateTime before, AccountScope scope, string? eventName)
    {
        SqlExpr[] keys = [Col(Events, entity), Col(Events, "account_id")];
        return new SqlSelect(
            [new(keys[0], "entity"), new(keys[1], "account_id"), new(new SqlAggregate(SqlAggregateKind.Min, Col(Events, "timestamp")), "first_at")],
            new SqlTable(WorkspaceTable.Events, Events),
            Where: And(Entities(entity, null, before, scope, eventName)),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    private static List<SqlExpr> Entities(string entity, DateTime? from, DateTime to, AccountScope scope, string? eventName)
    {
        if (entity is not ("user_id" or "account_id"))
        {
            throw new ArgumentException($"'{entity}' is not an entity column", nameof(entity));
        }
        var where = new List<SqlExpr> { new SqlIsNull(Col(Events, entity), Negated: true) };
        if (from is { } start)
        {
            where.Add(new SqlBinary(SqlOperator.GreaterOrEqual, Col(Events, "timestamp"), new SqlValue(start)));
        }
        where.Add(new SqlBinary(SqlOperator.Less, Col(Events, "timestamp"), new SqlValue(to)));
        if (eventName is not null)
        {
            where.Add(new SqlBinary(SqlOperator.Equal, Col(Events, "event"), new SqlValue(eventName)));
        }
        where.AddRange(Scope(Events, scope));
        return where;
    }

    /// <summary>Distinct <c>(day, account_id, event)</c> with at least one event in the period, for events with an account.</summary>
    public static SqlSelect AccountEventDays(Period period, AccountScope scope)
    {
        var day = new SqlTimeBucket(Grain.Day, Col(Events, "timestamp"), DayOfWeek.Monday);
        SqlExpr[] keys = [day, Col(Events, "account_id"), Col(Events, "event")];
        return new SqlSelect(
            [new(day, "day"), new(keys[1], "account_id"), new(keys[2], "event")],
            new SqlTable(WorkspaceTable.Events, Events),
            Where: And(Entities("account_id", period.From, period.To, scope, null)),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>Every event with a user in the period, optionally of one event name: <c>user_id, account_id, timestamp</c>, sorted by user and time.</summary>
    public static SqlSelect TimedEvents(Period period, AccountScope scope, string? eventName) =>
        new(
            [new(Col(Events, "user_id"), "user_id"), new(Col(Events, "account_id"), "account_id"), new(Col(Events, "timestamp"), "timestamp")],
            new SqlTable(WorkspaceTable.Events, Events),
            Where: And(UserEvents(period, scope, eventName)),
            OrderBy: [new SqlOrder(Col(Events, "user_id")), new SqlOrder(Col(Events, "timestamp"))]);

    /// <summary>Each <c>(user_id, account_id)</c> seen in events before <paramref name="before"/>, with its first event.</summary>
    public static SqlSelect FirstSeen(DateTime before, AccountScope scope)
    {
        var where = new List<SqlExpr>
        {
            new SqlIsNull(Col(Events, "user_id"), Negated: true),
            new SqlBinary(SqlOperator.Less, Col(Events, "timestamp"), new SqlValue(before)),
        };
        where.AddRange(Scope(Events, scope));
        SqlExpr[] keys = [Col(Events, "user_id"), Col(Events, "account_id")];
        return new SqlSelect(
            [new(keys[0], "user_id"), new(keys[1], "account_id"), new(new SqlAggregate(SqlAggregateKind.Min, Col(Events, "timestamp")), "first_seen")],
            new SqlTable(WorkspaceTable.Events, Events),
            Where: And(where),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>The imported users: <c>user_id, account_id, created_at</c>.</summary>
    public static SqlSelect ImportedUsers(AccountScope scope)
    {
        var where = Scope(Users, scope).ToList();
        return new SqlSelect(
            [new(Col(Users, "user_id"), "user_id"), new(Col(Users, "account_id"), "account_id"), new(Col(Users, "created_at"), "created_at")],
            new SqlTable(WorkspaceTable.Users, Users),
            Where: where.Count == 0 ? null : And(where),
            OrderBy: [new SqlOrder(Col(Users, "user_id"))]);
    }

    private static List<SqlExpr> UserEvents(Period period, AccountScope scope, string? eventName)
    {
        var where = new List<SqlExpr>
        {
            new SqlIsNull(Col(Events, "user_id"), Negated: true),
            new SqlBinary(SqlOperator.GreaterOrEqual, Col(Events, "timestamp"), new SqlValue(period.From)),
            new SqlBinary(SqlOperator.Less, Col(Events, "timestamp"), new SqlValue(period.To)),
        };
        if (eventName is not null)
        {
            where.Add(new SqlBinary(SqlOperator.Equal, Col(Events, "event"), new SqlValue(eventName)));
        }
        where.AddRange(Scope(Events, scope));
        return where;
    }

    // The caller's scope, exactly as QueryPlanner puts it on every read: the account must be the partner's.
    private static IEnumerable<SqlExpr> Scope(string alias, AccountScope scope)
    {
        if (QueryPlanner.AccountPredicate(scope, []) is { } partnerAccounts)
        {
            yield return new SqlInSubquery(Col(alias, "account_id"), QueryPlanner.AccountIds(partnerAccounts));
        }
    }

    private static SqlColumn Col(string table, string column) => new(table, column);

    private static SqlExpr And(IReadOnlyList<SqlExpr> terms) => QueryPlanner.And(terms);
}
