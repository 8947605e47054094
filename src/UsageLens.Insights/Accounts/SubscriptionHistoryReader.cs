using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;

namespace UsageLens.Insights.Accounts;

/// <summary>Reads <see cref="SubscriptionHistory"/> through Core's <see cref="SubscriptionPlanner"/>, rows effective before as-of only.</summary>
internal static class SubscriptionHistoryReader
{
    public static async Task<SubscriptionHistory> ReadAsync(InsightRequest request, KpiContext context, string insight, CancellationToken cancellationToken)
    {
        var filters = AccountFilters.Resolve(request, context, insight);
        var instant = request.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await context.QueryAsync(SubscriptionPlanner.Before(instant, request.Scope, filters), cancellationToken).ConfigureAwait(false);
        var history = rows
            .Select(r => new SubscriptionRow(r.GetString("account_id"), DateOnly.FromDateTime(r.GetInstant("effective_at")), r.GetNullableString("plan"),
                r.GetDouble("mrr"), r.GetNullableDouble("discount_pct"), r.GetNullableDouble("seats")))
            .GroupBy(r => r.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SubscriptionRow>)g.OrderBy(r => r.From).ToList(), StringComparer.Ordinal);
        return new SubscriptionHistory(history);
    }
}
