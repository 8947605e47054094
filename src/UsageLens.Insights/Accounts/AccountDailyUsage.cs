using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;

namespace UsageLens.Insights.Accounts;

/// <summary>
/// Each account's daily quantity of one meter, read through Core's usage planner with the usage
/// KPI's resolution (scope, filters, as-of guard). Only days with usage come back: the KPI's
/// breakdown fills every account's every day with zeros, which for hundreds of accounts over a year
/// is most of the work and none of the information.
/// </summary>
internal static class AccountDailyUsage
{
    /// <summary>Each account's series over <c>[from, to)</c>, indexed by day from <paramref name="from"/>; accounts without usage are absent.</summary>
    public static async Task<SortedDictionary<string, double[]>> ReadAsync(string meter, DateOnly from, DateOnly to, InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var arguments = new KpiArguments
        {
            Metric = meter,
            From = KpiSeries.Day(from),
            To = KpiSeries.Day(to),
            Grain = "day",
            GroupBy = ["account_id"],
            Where = request.Where,
            ComparePrevious = false,
        };
        var resolved = KpiSeries.Resolve(KpiCatalog.Find(KpiNames.Usage).Definition, arguments, request, context);
        var query = new MetricQuery(resolved.Metric!, resolved.Period, resolved.Scope, resolved.Filters, resolved.Grain, resolved.GroupBy, resolved.WeekStart, context.Reads);
        var rows = await context.QueryAsync(QueryPlanner.Usage(query), cancellationToken).ConfigureAwait(false);
        var series = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        var days = to.DayNumber - from.DayNumber;
        foreach (var row in rows)
        {
            var account = row.GetText(QueryPlanner.GroupColumn(0)) ?? NoAccount;
            var values = series.TryGetValue(account, out var found) ? found : series[account] = new double[days];
            values[row.GetDate("bucket").DayNumber - from.DayNumber] += row.GetDouble("value");
        }
        return series;
    }

    /// <summary>The subject of usage recorded without an account.</summary>
    public const string NoAccount = "(no account)";
}
