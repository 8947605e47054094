using UsageLens.Core.Kpis;

namespace UsageLens.Insights.Accounts;

/// <summary>
/// Each account's distinct active users over the 30 days before as-of (or another window ending by
/// as-of), through the <c>active-users</c> KPI (calendar mode, by account), so accounts without licensed
/// seats are counted too.
/// </summary>
internal static class ActiveUsersReader
{
    public static Task<IReadOnlyDictionary<string, double>> ReadAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken) =>
        ReadAsync(request, context, request.AsOf.AddDays(-UsageWindows.WindowDays), request.AsOf, cancellationToken);

    public static async Task<IReadOnlyDictionary<string, double>> ReadAsync(InsightRequest request, KpiContext context, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var arguments = new KpiArguments
        {
            From = KpiSeries.Day(from),
            To = KpiSeries.Day(to),
            GroupBy = ["account_id"],
            Where = request.Where,
            Options = ["measure=mau", "mode=calendar"],
            ComparePrevious = false,
        };
        var result = await KpiSeries.ReadAsync("active-users", arguments, request, context, cancellationToken).ConfigureAwait(false);
        return (result.Rows ?? [])
            .Where(r => KpiSeries.Key(r, "account_id") is not null)
            .ToDictionary(r => KpiSeries.Key(r, "account_id")!, r => r.Value ?? 0, StringComparer.Ordinal);
    }
}
