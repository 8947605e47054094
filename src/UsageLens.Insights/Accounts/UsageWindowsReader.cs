using UsageLens.Core.Kpis;

namespace UsageLens.Insights.Accounts;

/// <summary>
/// Reads <see cref="UsageWindows"/> through the <c>usage</c> KPI, grouped by account and segment, one
/// meter and one window at a time; both windows end before as-of and are 30 days long unless asked otherwise.
/// </summary>
internal static class UsageWindowsReader
{
    public static Task<UsageWindows> ReadAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken) =>
        ReadAsync(request, context, UsageWindows.WindowDays, cancellationToken);

    public static Task<UsageWindows> ReadAsync(InsightRequest request, KpiContext context, int days, CancellationToken cancellationToken) =>
        ReadAsync(request, context, context.Model.Catalog.MeterUnits.Keys.Order(StringComparer.Ordinal).ToList(), days, cancellationToken);

    /// <summary>The windows of the given meters (or any metric the <c>usage</c> KPI takes) only.</summary>
    public static async Task<UsageWindows> ReadAsync(InsightRequest request, KpiContext context, IReadOnlyList<string> meters, int days, CancellationToken cancellationToken)
    {
        var usage = new SortedDictionary<string, Dictionary<string, MeterWindows>>(StringComparer.Ordinal);
        var segments = new Dictionary<string, string?>(StringComparer.Ordinal);
        var recentFrom = request.AsOf.AddDays(-days);
        var previousFrom = recentFrom.AddDays(-days);
        foreach (var meter in meters)
        {
            var recent = await WindowAsync(meter, recentFrom, request.AsOf, request, context, cancellationToken).ConfigureAwait(false);
            var previous = await WindowAsync(meter, previousFrom, recentFrom, request, context, cancellationToken).ConfigureAwait(false);
            foreach (var (account, segment) in recent.Keys.Concat(previous.Keys).Distinct())
            {
                segments[account] = segment;
                var windows = usage.TryGetValue(account, out var found) ? found : usage[account] = new Dictionary<string, MeterWindows>(StringComparer.Ordinal);
                windows[meter] = new MeterWindows(recent.GetValueOrDefault((account, segment)), previous.GetValueOrDefault((account, segment)));
            }
        }
        return new UsageWindows(meters, usage.ToDictionary(u => u.Key, u => (IReadOnlyDictionary<string, MeterWindows>)u.Value, StringComparer.Ordinal), segments) { Days = days };
    }

    private static async Task<Dictionary<(string Account, string? Segment), double>> WindowAsync(string meter, DateOnly from, DateOnly to, InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var arguments = new KpiArguments
        {
            Metric = meter,
            From = KpiSeries.Day(from),
            To = KpiSeries.Day(to),
            GroupBy = ["account_id", "segment"],
            Where = request.Where,
            ComparePrevious = false,
        };
        var result = await KpiSeries.ReadAsync("usage", arguments, request, context, cancellationToken).ConfigureAwait(false);
        return (result.Rows ?? [])
            .Where(r => r.Value > 0 && KpiSeries.Key(r, "account_id") is not null)
            .GroupBy(r => (KpiSeries.Key(r, "account_id")!, KpiSeries.Key(r, "segment")))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Value ?? 0));
    }
}
