using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Health;

/// <summary>Reads <see cref="HealthSignals"/> through the KPI catalogue, every window ending before as-of.</summary>
internal static class HealthSignalsReader
{
    public static async Task<HealthSignals> ReadAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var usage = await UsageWindowsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var seats = await SeatsAsync(request, context, cancellationToken).ConfigureAwait(false);
        var active = await LastActiveAsync(request, context, cancellationToken).ConfigureAwait(false);
        var nps = await LatestNpsAsync(request, context, cancellationToken).ConfigureAwait(false);
        var now = await MrrAsync(request.AsOf, request, context, cancellationToken).ConfigureAwait(false);
        var before = await MrrAsync(request.AsOf.AddDays(-HealthSignals.MrrLookbackDays), request, context, cancellationToken).ConfigureAwait(false);
        return new HealthSignals(request.AsOf, usage, seats, active, nps, now, before);
    }

    public static async Task<Dictionary<string, SeatCount>> SeatsAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var result = await KpiSeries.ReadAsync("seat-utilization", Window(request, UsageWindows.WindowDays), request, context, cancellationToken).ConfigureAwait(false);
        return (result.Rows ?? []).ToDictionary(
            r => KpiSeries.Key(r, "account_id")!,
            r => new SeatCount(Part(r, "active_users"), Part(r, "licensed_seats")),
            StringComparer.Ordinal);
    }

    public static async Task<Dictionary<string, DateOnly>> LastActiveAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var activity = await ActiveUsersReader.ActivityAsync(request, context, request.AsOf.AddDays(-HealthSignals.ActivityLookbackDays), request.AsOf, cancellationToken).ConfigureAwait(false);
        return activity.ToDictionary(a => a.Key, a => a.Value.LastActive, StringComparer.Ordinal);
    }

    public static async Task<Dictionary<string, LatestNps>> LatestNpsAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var arguments = Window(request, HealthSignals.NpsLookbackDays) with { Grain = "day", GroupBy = ["account_id"] };
        var result = await KpiSeries.ReadAsync("nps", arguments, request, context, cancellationToken).ConfigureAwait(false);
        return Latest(result, r => r.Value is not null).ToDictionary(l => l.Key, l => new LatestNps(l.Value.Day, l.Value.Row.Value!.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// Each account's MRR in force at the start of <paramref name="day"/>, through Core's planner: the
    /// revenue KPIs group by account dimensions only, never by account.
    /// </summary>
    private static async Task<Dictionary<string, double>> MrrAsync(DateOnly day, InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(QueryPlanner.MrrAt(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), request.Scope, AccountFilters.OnAccounts(request, context)), cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.GetString("account_id"), r => r.GetNullableDouble("value") ?? 0, StringComparer.Ordinal);
    }

    private static Dictionary<string, (DateOnly Day, KpiRow Row)> Latest(KpiResult result, Func<KpiRow, bool> counts)
    {
        var latest = new Dictionary<string, (DateOnly Day, KpiRow Row)>(StringComparer.Ordinal);
        foreach (var row in (result.Rows ?? []).Where(counts))
        {
            if (KpiSeries.Key(row, "account_id") is not { } account || KpiSeries.Key(row, "period") is not { } period)
            {
                continue;
            }
            var day = KpiSeries.ParseDay(period);
            if (!latest.TryGetValue(account, out var found) || found.Day < day)
            {
                latest[account] = (day, row);
            }
        }
        return latest;
    }

    private static KpiArguments Window(InsightRequest request, int days) => new()
    {
        From = KpiSeries.Day(request.AsOf.AddDays(-days)),
        To = KpiSeries.Day(request.AsOf),
        Where = request.Where,
        ComparePrevious = false,
    };

    private static double Part(KpiRow row, string name) => row.Parts.FirstOrDefault(p => p.Name == name)?.Value ?? 0;
}
