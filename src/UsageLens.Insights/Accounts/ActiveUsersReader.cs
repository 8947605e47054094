using UsageLens.Core.Kpis;

namespace UsageLens.Insights.Accounts;

/// <summary>
/// Each account's distinct active users over the 30 days before as-of (or another window ending by
/// as-of): the <c>active-users</c> KPI's calendar count per account, resolved as that KPI resolves its
/// filters, counted by the engine through <see cref="AccountActivity"/> rather than from every
/// <c>(day, user, account)</c> of the window. Accounts without licensed seats are counted too.
/// </summary>
internal static class ActiveUsersReader
{
    public static Task<IReadOnlyDictionary<string, double>> ReadAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken) =>
        ReadAsync(request, context, request.AsOf.AddDays(-UsageWindows.WindowDays), request.AsOf, cancellationToken);

    public static async Task<IReadOnlyDictionary<string, double>> ReadAsync(InsightRequest request, KpiContext context, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var activity = await ActivityAsync(request, context, from, to, cancellationToken).ConfigureAwait(false);
        return activity.ToDictionary(a => a.Key, a => (double)a.Value.Users, StringComparer.Ordinal);
    }

    /// <summary>Each account's active users and last active day in <c>[from, to)</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, AccountActiveUsers>> ActivityAsync(InsightRequest request, KpiContext context, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var arguments = new KpiArguments
        {
            From = KpiSeries.Day(from),
            To = KpiSeries.Day(to),
            Where = request.Where,
            ComparePrevious = false,
        };
        var resolved = KpiSeries.Resolve(KpiCatalog.Find("active-users").Definition, arguments, request, context);
        return await AccountActivity.ReadAsync(context, resolved.Period, resolved.Scope, resolved.Filters, cancellationToken).ConfigureAwait(false);
    }
}
