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
        var rows = await context.QueryAsync(ActivityPlanner.AccountActiveUsers(period, scope, filters, activity, context.Reads), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(
            r => r.GetString("account_id"),
            r => new AccountActiveUsers((int)r.GetInt64("users"), r.GetDate("last_day")),
            StringComparer.Ordinal);
    }
}
