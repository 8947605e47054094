using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// Plans the reads behind the engagement KPIs: who was active when, per account. Only events with
/// a user_id count as activity, and of those only the workspace's activity events when it lists some. Filters on account, user and event dimensions are applied here, in
/// SQL, by the same rules as <see cref="QueryPlanner.Usage"/>; reads go to a daily rollup whenever
/// it answers exactly.
/// </summary>
internal static class ActivityPlanner
{
    private const string Events = "e";
    private const string Users = "u";

    /// <summary>Distinct <c>(day, user_id, account_id)</c> with at least one event in the period.</summary>
    public static SqlSelect ActiveDays(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity, EventReads reads)
    {
        var source = EventSource.For(reads, period, needsUsers: true, filters.Select(f => f.Dimension));
        var day = new SqlTimeBucket(Grain.Day, source.Time(Events), DayOfWeek.Monday);
        SqlExpr[] keys = [day, Col(Events, "user_id"), Col(Events, "account_id")];
        return new SqlSelect(
            [new(day, "day"), new(keys[1], "user_id"), new(keys[2], "account_id")],
            source.From(Events),
            Where: And(Entities(source, "user_id", period.From, period.To, scope, filters, Activity(null, activity))),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>Distinct active users per day in the period: <c>day, users</c>.</summary>
    public static SqlSelect DailyActiveUsers(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity, EventReads reads)
    {
        var source = EventSource.For(reads, period, needsUsers: true, filters.Select(f => f.Dimension));
        var day = new SqlTimeBucket(Grain.Day, source.Time(Events), DayOfWeek.Monday);
        return new SqlSelect(
            [new(day, "day"), new(new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, "user_id")), "users")],
            source.From(Events),
            Where: And(Entities(source, "user_id", period.From, period.To, scope, filters, Activity(null, activity))),
            GroupBy: [day],
            OrderBy: [new SqlOrder(day)]);
    }

    /// <summary>The number of distinct users active in the period.</summary>
    public static SqlSelect ActiveUsers(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity, EventReads reads)
    {
        if (ActivityMonths.Answers(reads, period, filters))
        {
            return ActivityMonths.ActiveUsers(period, scope, filters, activity);
        }
        var source = EventSource.For(reads, period, needsUsers: true, filters.Select(f => f.Dimension));
        return new SqlSelect(
            [new(new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, "user_id")), "users")],
            source.From(Events),
            Where: And(Entities(source, "user_id", period.From, period.To, scope, filters, Activity(null, activity))));
    }

    /// <summary>
    /// Per account, counted in SQL: distinct active users in the period and the last day with activity,
    /// <c>account_id, users, last_day</c>. Per-account figures need no list of who was active when.
    /// </summary>
    public static SqlSelect AccountActiveUsers(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity, EventReads reads)
    {
        var source = EventSource.For(reads, period, needsUsers: true, filters.Select(f => f.Dimension));
        var day = new SqlTimeBucket(Grain.Day, source.Time(Events), DayOfWeek.Monday);
        var account = Col(Events, "account_id");
        return new SqlSelect(
            [
                new(account, "account_id"),
                new(new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, "user_id")), "users"),
                new(new SqlAggregate(SqlAggregateKind.Max, day), "last_day"),
            ],
            source.From(Events),
            Where: And([.. Entities(source, "user_id", period.From, period.To, scope, filters, Activity(null, activity)), new SqlIsNull(account, Negated: true)]),
            GroupBy: [account],
            OrderBy: [new SqlOrder(account)]);
    }

    /// <summary>
    /// Events per <c>(day, entity, account_id)</c> in the period, where the entity column is
    /// <c>user_id</c> or <c>account_id</c>; optionally only one event name.
    /// </summary>
    public static SqlSelect EntityDays(string entity, Period period, AccountScope scope, IReadOnlyList<Filter> filters, string? eventName, IReadOnlyList<string> activity, EventReads reads)
    {
        var source = EventSource.For(reads, period, entity == "user_id", filters.Select(f => f.Dimension));
        var day = new SqlTimeBucket(Grain.Day, source.Time(Events), DayOfWeek.Monday);
        SqlExpr[] keys = [day, Col(Events, entity), Col(Events, "account_id")];
        return new SqlSelect(
            [new(day, "day"), new(keys[1], "entity"), new(keys[2], "account_id"), new(source.EventCount(Events), "events")],
            source.From(Events),
            Where: And(Entities(source, entity, period.From, period.To, scope, filters, Activity(eventName, activity))),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>
    /// The distinct entities (<c>user_id</c> or <c>account_id</c>) with events in the period, optionally of one event
    /// name, and their events: <c>entities, events</c>. A headline needs these two numbers, not who was active when;
    /// at 100M events the days of 125,000 users were millions of rows to bring into .NET.
    /// </summary>
    public static SqlSelect EntityTotals(string entity, Period period, AccountScope scope, IReadOnlyList<Filter> filters, string? eventName, IReadOnlyList<string> activity, EventReads reads)
    {
        var source = EventSource.For(reads, period, entity == "user_id", filters.Select(f => f.Dimension));
        return new SqlSelect(
            [new(new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, entity)), "entities"), new(source.EventCount(Events), "events")],
            source.From(Events),
            Where: And(Entities(source, entity, period.From, period.To, scope, filters, Activity(eventName, activity))));
    }

    /// <summary>
    /// Distinct <c>(day, entity)</c>, the grain period's first day standing for it, in <paramref name="period"/>,
    /// of the entities with a first event (under the same filters) in <paramref name="cohorts"/>: the
    /// activity of retention's cohort members, and nothing of the entities that started earlier, which in a
    /// workspace with a history are nearly all of them. Unsorted: the caller counts it.
    /// </summary>
    public static SqlSelect CohortActivity(string entity, Period period, Period cohorts, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity, EventReads reads, Grain grain, DayOfWeek weekStart)
    {
        var source = EventSource.For(reads, period, entity == "user_id", filters.Select(f => f.Dimension));
        var day = new SqlTimeBucket(grain, source.Time(Events), weekStart);
        SqlExpr[] keys = [day, Col(Events, entity)];
        var members = new SqlInSubquery(Col(Events, entity), NewcomerIds(entity, cohorts, scope, filters, null, activity, reads));
        return new SqlSelect(
            [new(day, "day"), new(keys[1], "entity")],
            source.From(Events),
            Where: And([.. Entities(source, entity, period.From, period.To, scope, filters, activity), members]),
            GroupBy: keys);
    }

    /// <summary>
    /// The entities whose earliest event over all their accounts (optionally of one event name) falls in
    /// <paramref name="firsts"/>, with that instant: <c>entity, first_at</c>. Exact, and one scan of the first events,
    /// where everyone's first events are a row per entity ever seen: in a workspace with a history, few started in
    /// any one period.
    /// </summary>
    public static SqlSelect Newcomers(string entity, Period firsts, AccountScope scope, IReadOnlyList<Filter> filters, string? eventName, IReadOnlyList<string> activity, EventReads reads)
    {
        const string PerAccount = "a", Earliest = "n";
        var perAccount = FirstEvents(entity, firsts.To, scope, filters, eventName, activity, reads) with { OrderBy = null };
        var earliest = new SqlSelect(
            [new(Col(PerAccount, "entity"), "entity"), new(new SqlAggregate(SqlAggregateKind.Min, Col(PerAccount, "first_at")), "first_at")],
            new SqlSubquery(perAccount, PerAccount),
            GroupBy: [Col(PerAccount, "entity")]);
        var firstAt = Col(Earliest, "first_at");
        return new SqlSelect(
            [new(Col(Earliest, "entity"), "entity"), new(firstAt, "first_at")],
            new SqlSubquery(earliest, Earliest),
            Where: QueryPlanner.Within(firstAt, firsts));
    }

    /// <summary>The <see cref="Newcomers"/>' entities alone, for an <c>IN</c> list.</summary>
    public static SqlSelect NewcomerIds(string entity, Period firsts, AccountScope scope, IReadOnlyList<Filter> filters, string? eventName, IReadOnlyList<string> activity, EventReads reads)
    {
        var newcomers = Newcomers(entity, firsts, scope, filters, eventName, activity, reads);
        return newcomers with { Items = [newcomers.Items[0]] };
    }

    /// <summary>
    /// Each entity's first event through each account before <paramref name="before"/>, optionally of
    /// one event name and only of the entities <paramref name="members"/> lists: <c>entity, account_id, first_at</c>.
    /// </summary>
    public static SqlSelect FirstEvents(string entity, DateTime before, AccountScope scope, IReadOnlyList<Filter> filters, string? eventName, IReadOnlyList<string> activity, EventReads reads, SqlSelect? members = null)
    {
        if (entity == "user_id" && ActivityMonths.AnswersBefore(reads, before, filters))
        {
            return ActivityMonths.FirstEvents(before, scope, filters, Activity(eventName, activity), members);
        }
        var source = EventSource.Before(reads, before, entity == "user_id", filters.Select(f => f.Dimension));
        SqlExpr[] keys = [Col(Events, entity), Col(Events, "account_id")];
        var where = Entities(source, entity, null, before, scope, filters, Activity(eventName, activity));
        if (members is not null)
        {
            where.Add(new SqlInSubquery(keys[0], members));
        }
        return new SqlSelect(
            [new(keys[0], "entity"), new(keys[1], "account_id"), new(source.FirstAt(Events), "first_at")],
            source.From(Events),
            Where: And(where),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>Distinct <c>(day, account_id, event)</c> with at least one event in the period.</summary>
    public static SqlSelect AccountEventDays(Period period, AccountScope scope, IReadOnlyList<Filter> filters, EventReads reads)
    {
        var source = EventSource.For(reads, period, needsUsers: false, filters.Select(f => f.Dimension));
        var day = new SqlTimeBucket(Grain.Day, source.Time(Events), DayOfWeek.Monday);
        SqlExpr[] keys = [day, Col(Events, "account_id"), Col(Events, "event")];
        return new SqlSelect(
            [new(day, "day"), new(keys[1], "account_id"), new(keys[2], "event")],
            source.From(Events),
            Where: And(Entities(source, "account_id", period.From, period.To, scope, filters, [])),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>Every event with a user in the period, optionally of one event name: <c>user_id, account_id, timestamp</c>, sorted by user and time.</summary>
    public static SqlSelect TimedEvents(Period period, AccountScope scope, IReadOnlyList<Filter> filters, string? eventName, IReadOnlyList<string> activity) =>
        new(
            [new(Col(Events, "user_id"), "user_id"), new(Col(Events, "account_id"), "account_id"), new(Col(Events, "timestamp"), "timestamp")],
            EventSource.Raw.From(Events),
            Where: And(Entities(EventSource.Raw, "user_id", period.From, period.To, scope, filters, Activity(eventName, activity))),
            OrderBy: [new SqlOrder(Col(Events, "user_id")), new SqlOrder(Col(Events, "timestamp"))]);

    /// <summary>
    /// Each <c>(user_id, account_id)</c> seen in events before <paramref name="before"/>, with its first
    /// event. Only account and user filters apply: a user is known whatever they used.
    /// </summary>
    public static SqlSelect FirstSeen(DateTime before, AccountScope scope, IReadOnlyList<Filter> filters, EventReads reads) =>
        FirstEvents("user_id", before, scope, WhoFilters(filters), null, [], reads);

    /// <summary>The imported users that pass the account and user filters: <c>user_id, account_id, created_at</c>.</summary>
    public static SqlSelect ImportedUsers(AccountScope scope, IReadOnlyList<Filter> filters)
    {
        var where = QueryPlanner.UserConditions(scope, WhoFilters(filters)).ToList();
        return new SqlSelect(
            [new(Col(Users, "user_id"), "user_id"), new(Col(Users, "account_id"), "account_id"), new(Col(Users, "created_at"), "created_at")],
            new SqlTable(WorkspaceTable.Users, Users),
            Where: where.Count == 0 ? null : And(where),
            OrderBy: [new SqlOrder(Col(Users, "user_id"))]);
    }

    /// <summary>The filters that say who someone is (account and user dimensions), not what they did.</summary>
    public static IReadOnlyList<Filter> WhoFilters(IReadOnlyList<Filter> filters) =>
        filters.Where(f => f.Dimension.Source != DimensionSource.Event || f.Dimension.Column is "account_id" or "user_id").ToList();

    private static List<SqlExpr> Entities(EventSource source, string entity, DateTime? from, DateTime to, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> eventNames)
    {
        if (entity is not ("user_id" or "account_id"))
        {
            throw new ArgumentException($"'{entity}' is not an entity column", nameof(entity));
        }
        var where = new List<SqlExpr> { new SqlIsNull(Col(Events, entity), Negated: true) };
        if (from is { } start)
        {
            where.Add(new SqlBinary(SqlOperator.GreaterOrEqual, source.Time(Events), new SqlValue(start)));
        }
        where.Add(new SqlBinary(SqlOperator.Less, source.Time(Events), new SqlValue(to)));
        where.AddRange(EventNames(eventNames));
        where.AddRange(QueryPlanner.EventConditions(scope, filters));
        return where;
    }

    /// <summary>The condition that an event (alias <c>e</c>) is one of <paramref name="eventNames"/>; none when the list is empty.</summary>
    public static IEnumerable<SqlExpr> EventNames(IReadOnlyList<string> eventNames) => eventNames.Count switch
    {
        0 => [],
        1 => [new SqlBinary(SqlOperator.Equal, Col(Events, "event"), new SqlValue(eventNames[0]))],
        _ => [new SqlInList(Col(Events, "event"), eventNames.Select(n => (SqlExpr)new SqlValue(n)).ToList())],
    };

    // One named event, or else the events that count as activity (none listed: every event).
    private static IReadOnlyList<string> Activity(string? eventName, IReadOnlyList<string> activity) =>
        eventName is not null ? [eventName] : activity;

    private static SqlColumn Col(string table, string column) => new(table, column);

    private static SqlExpr And(IReadOnlyList<SqlExpr> terms) => QueryPlanner.And(terms);
}
