using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// Runs the engagement reads for one request. Every filter (account, user or event dimension) is
/// applied in SQL by <see cref="ActivityPlanner"/>; breakdowns are by account dimensions.
/// </summary>
internal sealed class EngagementReader(KpiRequest request, KpiContext context)
{
    public KpiRequest Request => request;

    public KpiContext Context => context;

    /// <summary>The events that count as activity (empty: every event with a user), checked once against the workspace's meters.</summary>
    private IReadOnlyList<string> Activity { get; } = CheckedActivity(context);

    /// <summary>Per account with activity in the period: its distinct active users and last active day.</summary>
    public async Task<IReadOnlyDictionary<string, AccountActiveUsers>> AccountActiveUsersAsync(Period period, CancellationToken cancellationToken) =>
        await AccountActivity.ReadAsync(context, period, request.Scope, request.Filters, cancellationToken).ConfigureAwait(false);


    /// <summary>The group-by values per account; engagement is measured per account, so only account dimensions group it.</summary>
    public async Task<AccountGroups> GroupsAsync(string kpi, CancellationToken cancellationToken)
    {
        var foreign = request.GroupBy.FirstOrDefault(d => d.Source != DimensionSource.Account && !d.IsAccountId);
        if (foreign is not null)
        {
            throw new UsageLensException($"{kpi} groups by account dimensions only; '{foreign.Name}' is not one (it can still filter, with --where)");
        }
        var attributeGroups = request.GroupBy.Where(d => !d.IsAccountId).ToList();
        var attributes = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        if (attributeGroups.Count > 0)
        {
            var rows = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, [], null, attributeGroups), cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var next = 0;
                attributes[row.GetString("account_id")] = request.GroupBy.Select(d => d.IsAccountId ? null : row.GetText(QueryPlanner.GroupColumn(next++))).ToArray();
            }
        }
        return new AccountGroups(request.GroupBy, attributes);
    }

    public async Task<IReadOnlyList<ActiveDay>> ActiveDaysAsync(Period period, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.ActiveDays(period, request.Scope, request.Filters, Activity, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ActiveDay(r.GetDate("day"), r.GetString("user_id"), r.GetNullableString("account_id"))).ToList();
    }

    /// <summary>
    /// The headline counts by SQL aggregates, without fetching who was active when: distinct users in the period's
    /// whole days, in the trailing window when <paramref name="window"/> is given, and each day's users when
    /// <paramref name="daily"/> (DAU and stickiness need them; WAU and MAU do not). A trailing window that covers the
    /// same days as the period is not counted twice: at 100M events each count reads tens of millions of user-days,
    /// and MAU over the last 30 days read them three times.
    /// </summary>
    public async Task<ActiveUserCounts> CountsAsync(Period period, int? window, bool daily, CancellationToken cancellationToken)
    {
        if (_counts.TryGetValue((period, window, daily), out var known))
        {
            return known;
        }
        // Where the monthly rollup answers, a KPI's period and its comparison are counted together, and the previous
        // period's counts wait here for the second call.
        var periods = WithComparison(period);
        if (periods.SelectMany(p => CountWindows(p, window)).All(w => ActivityMonths.Answers(context.Reads, w, request.Filters)))
        {
            foreach (var (counted, counts) in await CountsByMonthAsync(periods, window, daily, cancellationToken).ConfigureAwait(false))
            {
                _counts[(counted, window, daily)] = counts;
            }
            return _counts[(period, window, daily)];
        }
        var days = ActivityIndex.Days(period);
        var wholeDays = ActiveUserCounts.WholeDays(period);
        var perDay = daily ? await DailyUsersAsync(wholeDays, cancellationToken).ConfigureAwait(false) : null;
        var inPeriod = await DistinctUsersAsync(wholeDays, cancellationToken).ConfigureAwait(false);
        int? trailing = null;
        if (window is { } n)
        {
            var trailingWindow = ActiveUserCounts.TrailingWindow(period, n);
            trailing = trailingWindow == wholeDays ? inPeriod : await DistinctUsersAsync(trailingWindow, cancellationToken).ConfigureAwait(false);
        }
        return Counted(days, perDay, inPeriod, trailing);
    }

    private readonly Dictionary<(Period Period, int? Window, bool Daily), ActiveUserCounts> _counts = [];

    /// <summary>
    /// The request's period and, when the KPI is compared with it, the previous period: what a KPI will ask for about
    /// <paramref name="period"/>, so that a read can serve both at once. Any other period alone.
    /// </summary>
    public IReadOnlyList<Period> WithComparison(Period period) =>
        request.ComparePrevious && period == request.Period ? [period, period.Previous()] : [period];

    // The windows a period's counts read: its whole days, and the trailing window when one is asked for (the same days,
    // often, and then counted once).
    private static IEnumerable<Period> CountWindows(Period period, int? window)
    {
        yield return ActiveUserCounts.WholeDays(period);
        if (window is { } n)
        {
            yield return ActiveUserCounts.TrailingWindow(period, n);
        }
    }

    private static ActiveUserCounts Counted(IReadOnlyList<DateOnly> days, IReadOnlyDictionary<DateOnly, int>? perDay, int inPeriod, int? trailing) =>
        perDay is null
            ? new ActiveUserCounts(null, inPeriod, trailing, days.Count)
            : new ActiveUserCounts(perDay.Values.Sum() / (double)days.Count, inPeriod, trailing, days.Count) { Daily = perDay };

    // Every period's counts from one statement over the monthly bitmaps (ActivityMonths.UserCounts).
    private async Task<Dictionary<Period, ActiveUserCounts>> CountsByMonthAsync(IReadOnlyList<Period> periods, int? window, bool daily, CancellationToken cancellationToken)
    {
        var windows = periods.SelectMany(p => CountWindows(p, window)).Distinct().ToList();
        var days = daily ? periods.SelectMany(ActivityIndex.Days).Distinct().ToList() : [];
        var rows = await context.QueryAsync(ActivityMonths.UserCounts(windows, days, request.Scope, request.Filters, Activity), cancellationToken).ConfigureAwait(false);
        // A sum over no users is null.
        long Read(string column) => rows.Count == 0 || rows[0].IsNull(column) ? 0 : rows[0].GetInt64(column);
        int Users(Period counted) => (int)Read(ActivityMonths.WindowColumn(windows.IndexOf(counted)));
        var counts = new Dictionary<Period, ActiveUserCounts>();
        foreach (var period in periods)
        {
            var periodDays = ActivityIndex.Days(period);
            var perDay = daily
                ? periodDays.Select(d => (Day: d, Users: (int)(Read(ActivityMonths.DayColumn(d)) / ActivityMonths.Bit(d.Day)))).Where(d => d.Users > 0).ToDictionary(d => d.Day, d => d.Users)
                : null;
            int? trailing = window is { } n ? Users(ActiveUserCounts.TrailingWindow(period, n)) : null;
            counts[period] = Counted(periodDays, perDay, Users(ActiveUserCounts.WholeDays(period)), trailing);
        }
        return counts;
    }

    private async Task<IReadOnlyDictionary<DateOnly, int>> DailyUsersAsync(Period period, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.DailyActiveUsers(period, request.Scope, request.Filters, Activity, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.GetDate("day"), r => (int)r.GetDouble("users"));
    }

    private async Task<int> DistinctUsersAsync(Period period, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.ActiveUsers(period, request.Scope, request.Filters, Activity, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : (int)rows[0].GetDouble("users");
    }

    public async Task<IReadOnlyList<UserEvent>> EventsAsync(Period period, string? eventName, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.TimedEvents(period, request.Scope, request.Filters, eventName, Activity), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new UserEvent(r.GetString("user_id"), r.GetNullableString("account_id"), r.GetInstant("timestamp"))).ToList();
    }

    /// <summary>
    /// Every user known before <paramref name="before"/> with the instant they became known (null:
    /// always). Who is known depends on the account and user filters, never on what they used.
    /// </summary>
    public async Task<IReadOnlyList<KnownUser>> KnownUsersAsync(DateTime before, CancellationToken cancellationToken)
    {
        var imported = await context.QueryAsync(ActivityPlanner.ImportedUsers(request.Scope, request.Filters), cancellationToken).ConfigureAwait(false);
        var seen = await context.QueryAsync(ActivityPlanner.FirstSeen(before, request.Scope, request.Filters, context.Reads), cancellationToken).ConfigureAwait(false);
        return imported.Select(r => new KnownUser(r.GetString("user_id"), r.GetNullableString("account_id"), r.GetNullableInstant("created_at")))
            .Concat(seen.Select(r => new KnownUser(r.GetString("entity"), r.GetNullableString("account_id"), r.GetInstant("first_at"))))
            .ToList();
    }

    /// <summary>Each entity's earliest instant over several groups' first events.</summary>
    public static Dictionary<string, DateTime> Earliest(IEnumerable<Dictionary<string, DateTime>> groups)
    {
        var earliest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var (entity, at) in groups.SelectMany(g => g))
        {
            earliest[entity] = earliest.TryGetValue(entity, out var known) && known < at ? known : at;
        }
        return earliest;
    }

    /// <summary>
    /// The same first events, separately for each group of accounts (<paramref name="groupOf"/> names an
    /// account's group): a group-by row is the KPI with its group as an extra filter, so its "first ever"
    /// runs over the group's accounts only.
    /// </summary>
    public Task<Dictionary<string, Dictionary<string, DateTime>>> FirstEventsByGroupAsync(
        string entity, DateTime before, string? eventName, Func<string?, string> groupOf, CancellationToken cancellationToken) =>
        FirstEventsByGroupAsync(entity, before, eventName, groupOf, null, cancellationToken);

    private async Task<Dictionary<string, Dictionary<string, DateTime>>> FirstEventsByGroupAsync(
        string entity, DateTime before, string? eventName, Func<string?, string> groupOf, SqlSelect? members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        var rows = await context.QueryAsync(ActivityPlanner.FirstEvents(entity, before, request.Scope, request.Filters, eventName, Activity, context.Reads, members), cancellationToken).ConfigureAwait(false);
        var byGroup = new Dictionary<string, Dictionary<string, DateTime>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var group = groupOf(row.GetNullableString("account_id"));
            if (!byGroup.TryGetValue(group, out var first))
            {
                byGroup[group] = first = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            }
            var at = row.GetInstant("first_at");
            var entityId = row.GetString("entity");
            first[entityId] = first.TryGetValue(entityId, out var known) && known < at ? known : at;
        }
        return byGroup;
    }

    /// <summary>
    /// The distinct users or accounts with events in the period, optionally of one event, and their events. Users
    /// of any activity are counted by <see cref="ActivityPlanner.ActiveUsers"/>, from the monthly bitmaps where they
    /// answer, so their events are not read: <see cref="EntityTotals.Events"/> is null then.
    /// </summary>
    public async Task<EntityTotals> EntityTotalsAsync(string entity, Period period, string? eventName, CancellationToken cancellationToken)
    {
        if (entity == "user_id" && eventName is null)
        {
            // Over whole days, the active-user counts answer it, with the comparison period's in the same statement.
            var users = ActiveUserCounts.WholeDays(period) == period
                ? (await CountsAsync(period, null, daily: false, cancellationToken).ConfigureAwait(false)).InPeriod
                : await DistinctUsersAsync(period, cancellationToken).ConfigureAwait(false);
            return new EntityTotals(users, null);
        }
        var rows = await context.QueryAsync(ActivityPlanner.EntityTotals(entity, period, request.Scope, request.Filters, eventName, Activity, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? new EntityTotals(0, 0) : new EntityTotals((long)rows[0].GetDouble("entities"), rows[0].IsNull("events") ? 0 : (long)rows[0].GetDouble("events"));
    }

    /// <summary>
    /// The users or accounts whose first event (optionally of one event) over all history, through the accounts that
    /// pass the filters, falls in <paramref name="firsts"/>, with its instant: "first ever" is not cut at a period's
    /// start, and those who started earlier are not read.
    /// </summary>
    public async Task<Dictionary<string, DateTime>> NewcomersAsync(string entity, Period firsts, string? eventName, CancellationToken cancellationToken)
    {
        if (_newcomers.TryGetValue((entity, firsts, eventName), out var known))
        {
            return known;
        }
        // One scan finds those who started in the period or its comparison, and the previous period's wait here for the
        // second call.
        var periods = WithComparison(firsts);
        var either = new Period(periods.Min(p => p.From), periods.Max(p => p.To));
        var rows = await context.QueryAsync(ActivityPlanner.Newcomers(entity, either, request.Scope, request.Filters, eventName, Activity, context.Reads), cancellationToken).ConfigureAwait(false);
        var newcomers = rows.Select(r => (Entity: r.GetString("entity"), FirstAt: r.GetInstant("first_at"))).ToList();
        foreach (var period in periods)
        {
            _newcomers[(entity, period, eventName)] = newcomers.Where(n => n.FirstAt >= period.From && n.FirstAt < period.To)
                .ToDictionary(n => n.Entity, n => n.FirstAt, StringComparer.Ordinal);
        }
        return _newcomers[(entity, firsts, eventName)];
    }

    private readonly Dictionary<(string Entity, Period Firsts, string? EventName), Dictionary<string, DateTime>> _newcomers = [];

    /// <summary>
    /// The first event of any activity, over all history, of the entities <see cref="NewcomersAsync"/> gives for
    /// <paramref name="firsts"/> and <paramref name="firstOf"/>.
    /// </summary>
    public async Task<Dictionary<string, DateTime>> FirstEventsOfNewcomersAsync(string entity, Period firsts, string firstOf, CancellationToken cancellationToken)
    {
        var members = ActivityPlanner.NewcomerIds(entity, firsts, request.Scope, request.Filters, firstOf, Activity, context.Reads);
        return Earliest((await FirstEventsByGroupAsync(entity, firsts.To, null, _ => string.Empty, members, cancellationToken).ConfigureAwait(false)).Values);
    }

    /// <summary>Events per (day, user or account, account) in the period, optionally of one event.</summary>
    public async Task<List<EntityDay>> EntityDaysAsync(string entity, Period period, string? eventName, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.EntityDays(entity, period, request.Scope, request.Filters, eventName, Activity, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new EntityDay(r.GetDate("day"), r.GetString("entity"), r.GetNullableString("account_id"), r.GetInt64("events"), eventName is not null)).ToList();
    }

    /// <summary>
    /// Per period, retention's cohorts, counted by the mode asked for: the users or accounts whose first event over all
    /// history, through the accounts that pass the filters, falls in it, grouped by its grain period, and per interval
    /// how many were active, from the start of the period's first grain period to its end.
    /// </summary>
    public async Task<IReadOnlyDictionary<Period, IReadOnlyList<CohortCount>>> CohortsAsync(
        string entity, IReadOnlyList<Period> periods, Grain grain, bool onOrAfter, CancellationToken cancellationToken)
    {
        var starts = new Period(periods.Min(p => p.From), periods.Max(p => p.To));
        var buckets = periods.ToDictionary(p => p, p => ActivityMonths.CohortBuckets(p, grain, request.WeekStart));
        if (entity == "user_id" && buckets.Values.Sum(b => b.Count) <= MaxCohortColumns
            && ActivityMonths.CohortMonthCount(periods, grain, request.WeekStart) <= MaxCohortMonths
            && ActivityMonths.Answers(context.Reads, new Period(buckets.Values.Min(b => b[0].Label), starts.To), request.Filters)
            && ActivityMonths.AnswersBefore(context.Reads, starts.To, request.Filters))
        {
            return await CohortsByMonthAsync(periods, buckets, grain, onOrAfter, cancellationToken).ConfigureAwait(false);
        }
        var firstEvents = await NewcomersAsync(entity, starts, null, cancellationToken).ConfigureAwait(false);
        var cohorts = new Dictionary<Period, IReadOnlyList<CohortCount>>();
        foreach (var period in periods)
        {
            // Intervals count whole grains, so one row per entity and grain (its first day) gives the same cells as its
            // days do, with a seventh (week) or a thirtieth (month) of the rows to read. Only cohort members' rows count,
            // so only theirs are read.
            var read = new Period(buckets[period][0].Label, period.To);
            var rows = await context.QueryAsync(ActivityPlanner.CohortActivity(entity, read, period, request.Scope, request.Filters, Activity, context.Reads, grain, request.WeekStart), cancellationToken).ConfigureAwait(false);
            var active = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var id = row.GetString("entity");
                (active.TryGetValue(id, out var days) ? days : active[id] = []).Add(row.GetDate("day"));
            }
            var members = firstEvents.Select(f => new CohortMember(f.Value, active.TryGetValue(f.Key, out var days) ? days : []));
            cohorts[period] = Retention.Counts(members, period, grain, onOrAfter, request.WeekStart);
        }
        return cohorts;
    }

    // Past this many months (eight years), or this many counts in one statement, the cohorts are counted from the
    // daily rollups instead, which have no column per month.
    private const int MaxCohortMonths = 96;
    private const int MaxCohortColumns = 400;

    // The cohorts counted in SQL from the monthly bitmaps (ActivityMonths.CohortCells): a row per period and cohort.
    private async Task<IReadOnlyDictionary<Period, IReadOnlyList<CohortCount>>> CohortsByMonthAsync(
        IReadOnlyList<Period> periods, IReadOnlyDictionary<Period, IReadOnlyList<Bucket>> buckets, Grain grain, bool onOrAfter, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityMonths.CohortCells(periods, grain, request.WeekStart, onOrAfter, request.Scope, request.Filters, Activity), cancellationToken).ConfigureAwait(false);
        var cohorts = periods.ToDictionary(p => p, _ => new List<CohortCount>());
        foreach (var row in rows)
        {
            var index = (int)row.GetInt64("period");
            var start = row.GetInstant("cohort");
            var periodBuckets = buckets[periods[index]];
            var first = periodBuckets.TakeWhile(b => b.Label != start).Count();
            var active = Enumerable.Range(first, periodBuckets.Count - first).Select(j => (int)row.GetInt64(ActivityMonths.CohortColumn(index, j))).ToArray();
            cohorts[periods[index]].Add(new CohortCount(start, (int)row.GetInt64("members"), active));
        }
        return cohorts.ToDictionary(c => c.Key, c => (IReadOnlyList<CohortCount>)c.Value);
    }

    /// <summary>Distinct (day, account, event) in the period.</summary>
    public async Task<List<FeatureUse>> FeatureUsesAsync(Period period, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.AccountEventDays(period, request.Scope, request.Filters, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new FeatureUse(r.GetDate("day"), r.GetString("account_id"), r.GetString("event"))).ToList();
    }

    /// <summary>The workspace's activity events, each checked to be a known meter.</summary>
    internal static IReadOnlyList<string> CheckedActivity(KpiContext context)
    {
        var listed = context.Configuration.ActivityEvents;
        var unknown = listed.FirstOrDefault(e => !context.Model.Catalog.MeterUnits.ContainsKey(e));
        return unknown is null
            ? listed
            : throw new UsageLensException($"{context.Configuration.Source ?? "the workspace configuration"}: activity.events: unknown event '{unknown}'{NearestNames.Hint(unknown, context.Model.Catalog.MeterUnits.Keys)}");
    }
}
