using UsageLens.Core.Kpis.Engagement;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis;

/// <summary>
/// Per-account activity counted by the engine, by the same rules as the engagement KPIs (activity
/// events, scope, filters, rollups): what seat utilisation, health and churn need per account without
/// reading every <c>(day, user, account)</c> of the period.
/// </summary>
public static class AccountActivity
{
    /// <summary>Each account with activity in <paramref name="period"/>, restricted to <paramref name="scope"/> and <paramref name="filters"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, AccountActiveUsers>> ReadAsync(
        KpiContext context, Period period, AccountScope scope, IReadOnlyList<Filter> filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = EngagementReader.CheckedActivity(context);
        if (ActivityMonths.Answers(context.Reads, period, filters))
        {
            return await FromMonthsAsync(context, period, scope, filters, activity, cancellationToken).ConfigureAwait(false);
        }
        var rows = await context.QueryAsync(ActivityPlanner.AccountActiveUsers(period, scope, filters, activity, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(
            r => r.GetString("account_id"),
            r => new AccountActiveUsers((int)r.GetInt64("users"), r.GetDate("last_day")),
            StringComparer.Ordinal);
    }

    // From the monthly bitmaps: the users by a count per account, the last day from the OR of its users' months. At
    // 100M events the user-day rollup's 30 days are 7.5M rows to group by account; the months are a fifth of that.
    private static async Task<IReadOnlyDictionary<string, AccountActiveUsers>> FromMonthsAsync(
        KpiContext context, Period period, AccountScope scope, IReadOnlyList<Filter> filters, IReadOnlyList<string> activity, CancellationToken cancellationToken)
    {
        var months = await context.QueryAsync(ActivityMonths.AccountMonths(period, scope, filters, activity), cancellationToken).ConfigureAwait(false);
        var users = await context.QueryAsync(ActivityMonths.AccountActiveUsers(period, scope, filters, activity), cancellationToken).ConfigureAwait(false);
        var lastDays = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var row in months)
        {
            var account = row.GetString("account_id");
            if (ActivityMonths.LastDay(row.GetDate("month"), row.GetInt64("days"), period) is { } day && (!lastDays.TryGetValue(account, out var known) || day > known))
            {
                lastDays[account] = day;
            }
        }
        // An account a write added between the two reads is left out, as the first read did not see it.
        return users.Where(r => lastDays.ContainsKey(r.GetString("account_id"))).ToDictionary(
            r => r.GetString("account_id"),
            r => new AccountActiveUsers((int)r.GetInt64("users"), lastDays[r.GetString("account_id")]),
            StringComparer.Ordinal);
    }
}
