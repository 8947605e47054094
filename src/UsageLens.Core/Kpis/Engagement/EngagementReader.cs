using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Runs the engagement reads for one request and applies its account filters.</summary>
internal sealed class EngagementReader(KpiRequest request, KpiContext context)
{
    public KpiRequest Request => request;

    public KpiContext Context => context;

    /// <summary>The account filters and groups; engagement is measured per account, so other dimensions are refused.</summary>
    public async Task<AccountGroups> GroupsAsync(string kpi, CancellationToken cancellationToken)
    {
        var foreign = request.Filters.Select(f => f.Dimension).Concat(request.GroupBy).FirstOrDefault(d => d.Source != DimensionSource.Account && !d.IsAccountId);
        if (foreign is not null)
        {
            throw new UsageLensException($"{kpi} filters and groups by account dimensions only; '{foreign.Name}' is not one");
        }
        var filters = request.Filters.Where(f => f.Dimension.Source == DimensionSource.Account || f.Dimension.IsAccountId).ToList();
        var attributeGroups = request.GroupBy.Where(d => !d.IsAccountId).ToList();
        var matchingRows = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, filters, null, attributeGroups), cancellationToken).ConfigureAwait(false);
        var matching = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var row in matchingRows)
        {
            var next = 2;
            matching[(string)row[0]!] = request.GroupBy.Select(d => d.IsAccountId ? null : KpiValues.Text(row[next++])).ToArray();
        }
        var known = matching.Keys.ToHashSet(StringComparer.Ordinal);
        if (filters.Count > 0)
        {
            var all = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, [], null, []), cancellationToken).ConfigureAwait(false);
            known = all.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        }
        return new AccountGroups(request.GroupBy, matching, known, filters.All(f => f.Operator == FilterOperator.NotIn));
    }

    public async Task<IReadOnlyList<ActiveDay>> ActiveDaysAsync(Period period, AccountGroups groups, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.ActiveDays(period, request.Scope), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ActiveDay(DateOnly.FromDateTime((DateTime)r[0]!), (string)r[1]!, (string?)r[2]))
            .Where(a => groups.Keeps(a.Account))
            .ToList();
    }

    public async Task<IReadOnlyList<UserEvent>> EventsAsync(Period period, AccountGroups groups, string? eventName, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.TimedEvents(period, request.Scope, eventName), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new UserEvent((string)r[0]!, (string?)r[1], DateTime.SpecifyKind((DateTime)r[2]!, DateTimeKind.Utc)))
            .Where(e => groups.Keeps(e.Account))
            .ToList();
    }

    /// <summary>Every user known before <paramref name="before"/> with the instant they became known (null: always).</summary>
    public async Task<IReadOnlyList<KnownUser>> KnownUsersAsync(DateTime before, AccountGroups groups, CancellationToken cancellationToken)
    {
        var imported = await context.QueryAsync(ActivityPlanner.ImportedUsers(request.Scope), cancellationToken).ConfigureAwait(false);
        var seen = await context.QueryAsync(ActivityPlanner.FirstSeen(before, request.Scope), cancellationToken).ConfigureAwait(false);
        return imported.Select(r => new KnownUser((string)r[0]!, (string?)r[1], r[2] is DateTime created ? DateTime.SpecifyKind(created, DateTimeKind.Utc) : null))
            .Concat(seen.Select(r => new KnownUser((string)r[0]!, (string?)r[1], DateTime.SpecifyKind((DateTime)r[2]!, DateTimeKind.Utc))))
            .Where(u => groups.Keeps(u.Account))
            .ToList();
    }

    /// <summary>
    /// Each user's or account's first event before <paramref name="before"/> (optionally of one event) over
    /// all history, through the accounts that pass the filters, so "first ever" is not cut at a period's start.
    /// </summary>
    public async Task<Dictionary<string, DateTime>> FirstEventsAsync(string entity, DateTime before, AccountGroups groups, string? eventName, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.FirstEvents(entity, before, request.Scope, eventName), cancellationToken).ConfigureAwait(false);
        var first = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => groups.Keeps((string?)r[1])))
        {
            var at = DateTime.SpecifyKind((DateTime)row[2]!, DateTimeKind.Utc);
            var entityId = (string)row[0]!;
            first[entityId] = first.TryGetValue(entityId, out var known) && known < at ? known : at;
        }
        return first;
    }

    /// <summary>Events per (day, user or account, account) in the period, optionally of one event, through the accounts that pass the filters.</summary>
    public async Task<List<EntityDay>> EntityDaysAsync(string entity, Period period, AccountGroups groups, string? eventName, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(ActivityPlanner.EntityDays(entity, period, request.Scope, eventName), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new EntityDay(DateOnly.FromDateTime((DateTime)r[0]!), (string)r[1]!, (string?)r[2], (long)KpiValues.Number(r[3]), eventName is not null))
            .Where(d => groups.Keeps(d.Account))
            .ToList();
    }
}
