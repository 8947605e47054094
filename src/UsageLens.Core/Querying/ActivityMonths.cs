using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Querying;

/// <summary>
/// Plans user-level activity reads on the monthly activity rollup (<see cref="WorkspaceTable.UserMonths"/>): one row per
/// user, event and month with a bitmap of the month's active days and the first event. At 100M events a workspace's
/// 125,000 users have 45.6M user-day rows but about 4M user-month rows, and who was active on which day is a bit test.
/// A row may repeat a key; every read ORs the bitmaps and takes the minimum first event, which repeats do not change.
/// The filters, scope and activity events are applied exactly as on the daily rollups (<see cref="ActivityPlanner"/>).
/// </summary>
internal static class ActivityMonths
{
    private const string Events = "e";
    private const string PerUser = "p";
    private const string Cohorts = "c";
    private static readonly SqlTable s_months = new(WorkspaceTable.UserMonths, Events);

    /// <summary>
    /// Whether the rollup answers a read of the period exactly. It holds the user-day rollup's columns by month, so it
    /// answers wherever that one does (<see cref="EventSource.For"/>: whole UTC days, no event-property dimension).
    /// </summary>
    public static bool Answers(EventReads reads, Period period, IReadOnlyList<Filter> filters) =>
        EventSource.For(reads, period, needsUsers: true, filters.Select(f => f.Dimension)) == EventSource.UserDays;

    /// <summary>As <see cref="Answers(EventReads, Period, IReadOnlyList{Filter})"/>, for first events before an instant.</summary>
    public static bool AnswersBefore(EventReads reads, DateTime before, IReadOnlyList<Filter> filters) =>
        EventSource.Before(reads, before, needsUsers: true, filters.Select(f => f.Dimension)) == EventSource.UserDays;

    /// <summary>The number of distinct users with an activity event in the period: <c>users</c>.</summary>
    public static SqlSelect ActiveUsers(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity) =>
        new(
            [new(new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, "user_id")), "users")],
            s_months,
            Where: Active(period, scope, filters, activity));

    /// <summary>Per account, the distinct users with an activity event in the period: <c>account_id, users</c>.</summary>
    public static SqlSelect AccountActiveUsers(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity)
    {
        var account = Col(Events, "account_id");
        return new SqlSelect(
            [new(account, "account_id"), new(new SqlAggregate(SqlAggregateKind.CountDistinct, Col(Events, "user_id")), "users")],
            s_months,
            Where: ActiveWithAccount(period, scope, filters, activity),
            GroupBy: [account]);
    }

    /// <summary>
    /// Per account and month the period touches, the OR of its users' bitmaps: <c>account_id, month, days</c>, which
    /// <see cref="LastDay"/> reads the account's last active day from. Days of the month outside the period are in it.
    /// </summary>
    public static SqlSelect AccountMonths(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity)
    {
        SqlExpr[] keys = [Col(Events, "account_id"), Col(Events, "month")];
        return new SqlSelect(
            [new(keys[0], "account_id"), new(keys[1], "month"), new(new SqlAggregate(SqlAggregateKind.BitOr, Col(Events, "days")), "days")],
            s_months,
            Where: ActiveWithAccount(period, scope, filters, activity),
            GroupBy: keys);
    }

    /// <summary>The last day of the period among a month's active days, or null when none of them is in the period.</summary>
    public static DateOnly? LastDay(DateOnly month, long days, Period period)
    {
        var inPeriod = days & Mask(month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), period);
        return inPeriod == 0 ? null : month.AddDays(63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)inPeriod));
    }

    /// <summary>
    /// Active-user counts of several periods in one statement: per window k the distinct users with an activity event in
    /// it (<see cref="WindowColumn"/>), and per day of <paramref name="days"/> its distinct users times the day's bit
    /// (<see cref="DayColumn"/>). Each user's months are ORed into a column per month in one grouping by user,
    /// so a KPI and its comparison period, each a distinct count and a count per day, are one scan of their months
    /// where they were four statements that grouped the same rows again.
    /// </summary>
    public static SqlSelect UserCounts(IReadOnlyList<Period> windows, IReadOnlyList<DateOnly> days, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(days);
        var from = windows.Select(w => w.From).Concat(days.Select(d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))).Min();
        var to = windows.Select(w => w.To).Concat(days.Select(d => d.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))).Max();
        var months = MonthsOf(new Period(from, to));
        var rows = QueryPlanner.And([
            new SqlBinary(SqlOperator.GreaterOrEqual, Col(Events, "month"), new SqlValue(months[0])),
            new SqlBinary(SqlOperator.Less, Col(Events, "month"), new SqlValue(to))]);
        var items = windows.Select((window, k) => new SqlSelectItem(
            new SqlAggregate(SqlAggregateKind.Sum, new SqlCase(ActiveWithin(PerUser, months, window), new SqlValue(1), new SqlValue(0))), WindowColumn(k))).ToList();
        foreach (var day in days)
        {
            var month = months.FindIndex(m => m.Year == day.Year && m.Month == day.Month);
            items.Add(new(new SqlAggregate(SqlAggregateKind.Sum, new SqlBitAnd(Col(PerUser, MonthColumn(month)), new SqlValue(Bit(day.Day)))), DayColumn(day)));
        }
        return new SqlSelect(items, new SqlSubquery(MonthsByUser(rows, months, scope, filters, activity), PerUser));
    }

    /// <summary>The name of <see cref="UserCounts"/>' count of the <paramref name="window"/>-th window.</summary>
    public static string WindowColumn(int window) => "w" + window.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name of <see cref="UserCounts"/>' column of a day.</summary>
    public static string DayColumn(DateOnly day) => "d" + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Retention's cohort cells, counted in one statement: for each of <paramref name="periods"/> (index <c>period</c>)
    /// and each cohort of users whose earliest activity event, over all their accounts and all history, falls in it
    /// (<c>cohort</c>, the start of its grain period), its <c>members</c> and, per grain period j of
    /// <see cref="CohortBuckets"/> (column <see cref="CohortColumn"/>), how many of them were active in it, or with
    /// <paramref name="onOrAfter"/> in it or a later one up to the period's end. Each user's months are ORed into a
    /// column per month in a first grouping by user, and each grain period is then a bit test on them; at 100M events
    /// reading the cohorts' members and their months into .NET was 375,000 rows where this returns a row per cohort.
    /// </summary>
    public static SqlSelect CohortCells(IReadOnlyList<Period> periods, Grain grain, DayOfWeek weekStart, bool onOrAfter, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var months = CohortMonths(periods, grain, weekStart);
        var perUser = PerUserMonths(periods.Max(p => p.To), months, scope, filters, activity);
        var firstAt = Col(PerUser, "first_at");
        SqlExpr index = new SqlValue(-1);
        for (var p = periods.Count - 1; p >= 0; p--)
        {
            index = new SqlCase(QueryPlanner.Within(firstAt, periods[p]), new SqlValue(p), index);
        }
        // The period and cohort are labelled in a subquery and grouped by name: grouped by expression, their bound
        // values would make them differ from the selected ones.
        var started = QueryPlanner.Or([.. periods.Select(p => QueryPlanner.Within(firstAt, p))]);
        var labelled = new SqlSelect(
            [new(index, "period"), new(new SqlTimeBucket(grain, firstAt, weekStart), "cohort"), .. months.Select((_, i) => new SqlSelectItem(Col(PerUser, MonthColumn(i)), MonthColumn(i)))],
            new SqlSubquery(perUser, PerUser),
            Where: started);
        SqlExpr[] keys = [Col(Cohorts, "period"), Col(Cohorts, "cohort")];
        var items = new List<SqlSelectItem> { new(keys[0], "period"), new(keys[1], "cohort"), new(new SqlAggregate(SqlAggregateKind.Count, null), "members") };
        for (var p = 0; p < periods.Count; p++)
        {
            var read = CohortRead(periods[p], grain, weekStart);
            var buckets = CohortBuckets(periods[p], grain, weekStart);
            for (var j = 0; j < buckets.Count; j++)
            {
                var counted = onOrAfter ? new Period(buckets[j].Period.From, read.To) : buckets[j].Period;
                items.Add(new(new SqlAggregate(SqlAggregateKind.Sum, new SqlCase(ActiveWithin(Cohorts, months, counted), new SqlValue(1), new SqlValue(0))), CohortColumn(p, j)));
            }
        }
        return new SqlSelect(items, new SqlSubquery(labelled, Cohorts), GroupBy: keys);
    }

    /// <summary>The grain periods of <paramref name="period"/>'s cohorts, from the start of its first one: <see cref="CohortCells"/>' columns.</summary>
    public static IReadOnlyList<Bucket> CohortBuckets(Period period, Grain grain, DayOfWeek weekStart) => Calendar.Buckets(CohortRead(period, grain, weekStart), grain, weekStart);

    /// <summary>The name of <see cref="CohortCells"/>' count for the <paramref name="period"/>-th period's <paramref name="bucket"/>-th grain period.</summary>
    public static string CohortColumn(int period, int bucket) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a{period}_{bucket}");

    /// <summary>The months <see cref="CohortCells"/> reads for the periods.</summary>
    public static int CohortMonthCount(IReadOnlyList<Period> periods, Grain grain, DayOfWeek weekStart) => CohortMonths(periods, grain, weekStart).Count;

    private static List<DateTime> CohortMonths(IReadOnlyList<Period> periods, Grain grain, DayOfWeek weekStart) =>
        MonthsOf(new Period(periods.Min(p => CohortRead(p, grain, weekStart).From), periods.Max(p => p.To)));

    // Activity counts from the start of the period's first cohort's grain period; later cohorts' intervals lie inside.
    private static Period CohortRead(Period period, Grain grain, DayOfWeek weekStart) => new(Calendar.StartOf(grain, period.From, weekStart), period.To);

    // Each user with an activity event before the end: the earliest one, and per month the OR of the user's bitmaps. A row
    // whose first event is at or after the end has no day before it, so leaving it out loses no active day before the end.
    private static SqlSelect PerUserMonths(DateTime end, IReadOnlyList<DateTime> months, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity) =>
        MonthsByUser(new SqlBinary(SqlOperator.Less, Col(Events, "first_at"), new SqlValue(end)), months, scope, filters, activity,
            new SqlSelectItem(new SqlAggregate(SqlAggregateKind.Min, Col(Events, "first_at")), "first_at"));

    private static SqlSelect MonthsByUser(SqlExpr rows, IReadOnlyList<DateTime> months, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity, params SqlSelectItem[] leading)
    {
        var items = new List<SqlSelectItem>(leading);
        items.AddRange(months.Select((month, i) => new SqlSelectItem(
            new SqlAggregate(SqlAggregateKind.BitOr, new SqlCase(new SqlBinary(SqlOperator.Equal, Col(Events, "month"), new SqlValue(month)), Col(Events, "days"), new SqlValue(0L))),
            MonthColumn(i))));
        var where = new List<SqlExpr> { rows };
        where.AddRange(Conditions(scope, filters, activity));
        return new SqlSelect(items, s_months, Where: QueryPlanner.And(where), GroupBy: [Col(Events, "user_id")]);
    }

    // Whether the user's month columns have an active day in the period.
    private static SqlExpr ActiveWithin(string table, IReadOnlyList<DateTime> months, Period period)
    {
        var terms = months.Select((month, i) => (Column: MonthColumn(i), Mask: Mask(month, period))).Where(m => m.Mask != 0)
            .Select(m => (SqlExpr)new SqlBinary(SqlOperator.NotEqual, new SqlBitAnd(Col(table, m.Column), new SqlValue(m.Mask)), new SqlValue(0L)))
            .ToList();
        return terms.Count == 0 ? new SqlBinary(SqlOperator.Equal, new SqlValue(1), new SqlValue(0)) : QueryPlanner.Or(terms);
    }

    private static string MonthColumn(int index) => "m" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<DateTime> MonthsOf(Period period) => [.. Calendar.Buckets(period, Grain.Month).Select(b => b.Label)];

    /// <summary>
    /// Each user's first event through each account before <paramref name="before"/> (a row's first event is before it
    /// exactly when the row has events before it), optionally of one event and only of the users <paramref name="members"/>
    /// lists: <c>entity, account_id, first_at</c>.
    /// </summary>
    public static SqlSelect FirstEvents(DateTime before, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> eventNames, SqlSelect? members)
    {
        SqlExpr[] keys = [Col(Events, "user_id"), Col(Events, "account_id")];
        var where = new List<SqlExpr> { new SqlBinary(SqlOperator.Less, Col(Events, "first_at"), new SqlValue(before)) };
        where.AddRange(Conditions(scope, filters, eventNames));
        if (members is not null)
        {
            where.Add(new SqlInSubquery(keys[0], members));
        }
        return new SqlSelect(
            [new(keys[0], "entity"), new(keys[1], "account_id"), new(new SqlAggregate(SqlAggregateKind.Min, Col(Events, "first_at")), "first_at")],
            s_months,
            Where: QueryPlanner.And(where),
            GroupBy: keys,
            OrderBy: keys.Select(k => new SqlOrder(k)).ToList());
    }

    /// <summary>The bit that stands for day <paramref name="day"/> (1-based) of a month.</summary>
    public static long Bit(int day) => 1L << (day - 1);

    // Rows of the period's months with an active day in the period. Whole months in it need no bit test; the first and
    // last month, when cut by the period, keep the rows with a bit among the period's days. The range is there for
    // pruning: an OR of equalities would not narrow the scan.
    private static SqlExpr Active(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity)
    {
        var first = MonthOf(period.From);
        var where = new List<SqlExpr>
        {
            new SqlBinary(SqlOperator.GreaterOrEqual, Col(Events, "month"), new SqlValue(first)),
            new SqlBinary(SqlOperator.Less, Col(Events, "month"), new SqlValue(period.To)),
            InPeriod(period),
        };
        where.AddRange(Conditions(scope, filters, activity));
        return QueryPlanner.And(where);
    }

    private static SqlExpr ActiveWithAccount(Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity) =>
        QueryPlanner.And([Active(period, scope, filters, activity), new SqlIsNull(Col(Events, "account_id"), Negated: true)]);

    private static SqlExpr InPeriod(Period period)
    {
        var terms = new List<SqlExpr>();
        var fullFrom = period.From == MonthOf(period.From) ? period.From : MonthOf(period.From).AddMonths(1);
        var fullTo = MonthOf(period.To);
        if (fullFrom < fullTo)
        {
            terms.Add(QueryPlanner.And([
                new SqlBinary(SqlOperator.GreaterOrEqual, Col(Events, "month"), new SqlValue(fullFrom)),
                new SqlBinary(SqlOperator.Less, Col(Events, "month"), new SqlValue(fullTo))]));
        }
        foreach (var month in new[] { MonthOf(period.From), fullTo }.Distinct())
        {
            var mask = Mask(month, period);
            if (mask != 0 && (month < fullFrom || month >= fullTo))
            {
                terms.Add(QueryPlanner.And([
                    new SqlBinary(SqlOperator.Equal, Col(Events, "month"), new SqlValue(month)),
                    new SqlBinary(SqlOperator.NotEqual, new SqlBitAnd(Col(Events, "days"), new SqlValue(mask)), new SqlValue(0L))]));
            }
        }
        return QueryPlanner.Or(terms);
    }

    // The bits of the month's days that fall in the period.
    private static long Mask(DateTime month, Period period)
    {
        long mask = 0;
        for (var day = month; day < month.AddMonths(1); day = day.AddDays(1))
        {
            if (day >= period.From && day < period.To)
            {
                mask |= Bit(day.Day);
            }
        }
        return mask;
    }

    private static IEnumerable<SqlExpr> Conditions(AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> eventNames) =>
        ActivityPlanner.EventNames(eventNames).Concat(QueryPlanner.EventConditions(scope, filters));

    private static DateTime MonthOf(DateTime instant) => new(instant.Year, instant.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    private static SqlColumn Col(string table, string column) => new(table, column);
}
