using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;

namespace UsageLens.Insights.Accounts;

/// <summary>Every account the request may see (its scope and account filters), with its segment (null when it has none).</summary>
internal static class AccountSegmentsReader
{
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(InsightRequest request, KpiContext context, string insight, CancellationToken cancellationToken)
    {
        var filters = AccountFilters.Resolve(request, context, insight);
        var rows = await context.QueryAsync(QueryPlanner.AccountAttributes(request.Scope, filters, null, [context.Model.Dimension("segment")]), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.GetString("account_id"), r => r.GetText(QueryPlanner.GroupColumn(0)), StringComparer.Ordinal);
    }
}
