using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Churn;

/// <summary>
/// The workspace's history as the churn model needs it, read through Core's KPI path for every
/// account (the model learns from all of them; output is narrowed to the caller's scope later):
/// daily usage per account and metered event, MRR at chosen days (QueryPlanner.MrrAt), and per
/// snapshot day the active users, seat utilisation and NPS before it. Nothing on or after the as-of
/// day is read: every period ends at or before it, and MRR at a day reads rows effective before it.
/// </summary>
internal sealed class ChurnHistory
{
    private const int Window = 30;
    private readonly InsightRequest _request;
    private readonly KpiContext _context;
    private readonly DateOnly _from;
    private readonly Dictionary<string, Dictionary<string, double[]>> _usage = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, IReadOnlyDictionary<string, double>> _mrr = [];
    private readonly int _metrics;

    private ChurnHistory(InsightRequest request, KpiContext context, DateOnly from, int metrics)
    {
        _request = request with { Scope = AccountScope.All, Where = [] };
        _context = context;
        _from = from;
        _metrics = metrics;
    }

    /// <summary>The first day with any usage in the history read, or null when there is none.</summary>
    public DateOnly? FirstUsage { get; private set; }

    public static async Task<ChurnHistory> ReadAsync(InsightRequest request, KpiContext context, DateOnly from, CancellationToken cancellationToken)
    {
        var metrics = context.Model.Catalog.MeterUnits.Keys.Order(StringComparer.Ordinal).ToList();
        var history = new ChurnHistory(request, context, from, Math.Max(1, metrics.Count));
        foreach (var metric in metrics)
        {
            await history.ReadUsageAsync(metric, cancellationToken).ConfigureAwait(false);
        }
        return history;
    }

    private async Task ReadUsageAsync(string metric, CancellationToken cancellationToken)
    {
        var series = await AccountDailyUsage.ReadAsync(metric, _from, _request.AsOf, _request, _context, cancellationToken).ConfigureAwait(false);
        foreach (var (account, values) in series)
        {
            if (account == AccountDailyUsage.NoAccount)
            {
                continue;
            }
            var positive = Array.FindIndex(values, v => v > 0);
            if (positive < 0)
            {
                continue;
            }
            var metrics = _usage.TryGetValue(account, out var found) ? found : _usage[account] = new Dictionary<string, double[]>(StringComparer.Ordinal);
            metrics[metric] = values.Select(v => v > 0 ? v : 0).ToArray();
            var day = _from.AddDays(positive);
            FirstUsage = FirstUsage is { } first && first <= day ? first : day;
        }
    }

    /// <summary>Each account's MRR in force just before <paramref name="day"/> (read once per day).</summary>
    public async Task<IReadOnlyDictionary<string, double>> MrrAtAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day > _request.AsOf)
        {
            throw new InvalidOperationException($"MRR at {KpiSeries.Day(day)} would read past the as-of day");
        }
        if (!_mrr.TryGetValue(day, out var mrr))
        {
            var rows = await _context.QueryAsync(QueryPlanner.MrrAt(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), AccountScope.All, []), cancellationToken).ConfigureAwait(false);
            _mrr[day] = mrr = rows.ToDictionary(r => r.GetString("account_id"), r => r.GetDouble("value"), StringComparer.Ordinal);
        }
        return mrr;
    }

    /// <summary>Whether an account paying at <paramref name="day"/> has MRR 0 at any check within the horizon after it.</summary>
    public async Task<HashSet<string>> ChurnedAfterAsync(DateOnly day, int horizon, CancellationToken cancellationToken)
    {
        var paying = (await MrrAtAsync(day, cancellationToken).ConfigureAwait(false)).Where(m => m.Value > 0).Select(m => m.Key).ToList();
        var checks = Enumerable.Range(1, horizon / ChurnSettings.LabelStepDays).Select(i => day.AddDays(i * ChurnSettings.LabelStepDays)).Append(day.AddDays(horizon)).Distinct();
        var churned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            var mrr = await MrrAtAsync(check, cancellationToken).ConfigureAwait(false);
            churned.UnionWith(paying.Where(a => mrr.GetValueOrDefault(a) <= 0));
        }
        return churned;
    }

    /// <summary>The features of every account paying at <paramref name="day"/>, from data before it.</summary>
    public async Task<Dictionary<string, double[]>> FeaturesAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var mrr = await MrrAtAsync(day, cancellationToken).ConfigureAwait(false);
        var before = await MrrAtAsync(day.AddDays(-ChurnSettings.MrrChangeDays), cancellationToken).ConfigureAwait(false);
        var users = await ActiveUsersReader.ReadAsync(_request, _context, day.AddDays(-Window), day, cancellationToken).ConfigureAwait(false);
        var earlierUsers = await ActiveUsersReader.ReadAsync(_request, _context, day.AddDays(-2 * Window), day.AddDays(-Window), cancellationToken).ConfigureAwait(false);
        var seats = await AccountValuesAsync("seat-utilization", day.AddDays(-Window), day, [], cancellationToken, groupByAccount: false).ConfigureAwait(false);
        var nps = await AccountValuesAsync("nps", day.AddDays(-180), day, [], cancellationToken).ConfigureAwait(false);
        var seatMean = seats.Count == 0 ? 0 : seats.Values.Average() / 100;
        var npsMean = nps.Count == 0 ? 0 : nps.Values.Average() / 100;
        var features = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (account, value) in mrr.Where(m => m.Value > 0).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var vector = new double[ChurnFeature.All.Count];
            UsageFeatures(account, day, vector);
            vector[ChurnFeature.ActiveUsersTrend] = ChurnFeature.Change(users.GetValueOrDefault(account), earlierUsers.GetValueOrDefault(account));
            vector[ChurnFeature.SeatUtilisation] = seats.TryGetValue(account, out var seat) ? seat / 100 : seatMean;
            vector[ChurnFeature.MrrLog] = Math.Log10(1 + value);
            vector[ChurnFeature.MrrChange] = ChurnFeature.Change(value, before.GetValueOrDefault(account));
            vector[ChurnFeature.Nps] = nps.TryGetValue(account, out var score) ? score / 100 : npsMean;
            features[account] = vector;
        }
        return features;
    }

    private void UsageFeatures(string account, DateOnly day, double[] vector)
    {
        var end = day.DayNumber - _from.DayNumber;
        var metrics = _usage.GetValueOrDefault(account) ?? [];
        var changes = new List<double>();
        var used = 0;
        int? last = null;
        int? first = null;
        foreach (var series in metrics.Values)
        {
            var recent = Sum(series, end - Window, end);
            var earlier = Sum(series, end - (2 * Window), end - Window);
            if (recent + earlier > 0)
            {
                changes.Add(ChurnFeature.Change(recent, earlier));
            }
            used += recent > 0 ? 1 : 0;
            for (var i = Math.Min(end, series.Length) - 1; i >= Math.Max(0, end - ChurnSettings.CapDays); i--)
            {
                if (series[i] > 0)
                {
                    last = Math.Max(last ?? i, i);
                    break;
                }
            }
            for (var i = Math.Max(0, end - ChurnSettings.CapDays); i < Math.Min(end, series.Length); i++)
            {
                if (series[i] > 0)
                {
                    first = Math.Min(first ?? i, i);
                    break;
                }
            }
        }
        vector[ChurnFeature.UsageTrend] = changes.Count == 0 ? -1 : changes.Average();
        vector[ChurnFeature.DaysSinceActivity] = last is { } l ? end - l : ChurnSettings.CapDays;
        vector[ChurnFeature.FeatureBreadth] = used / (double)_metrics;
        vector[ChurnFeature.Tenure] = first is { } f ? end - f : 0;
    }

    private static double Sum(double[] series, int from, int to)
    {
        var total = 0d;
        for (var i = Math.Max(0, from); i < Math.Min(to, series.Length); i++)
        {
            total += series[i];
        }
        return total;
    }

    private async Task<Dictionary<string, double>> AccountValuesAsync(string kpi, DateOnly from, DateOnly to, IReadOnlyList<string> options, CancellationToken cancellationToken, bool groupByAccount = true)
    {
        var arguments = new KpiArguments { From = KpiSeries.Day(from), To = KpiSeries.Day(to), GroupBy = groupByAccount ? ["account_id"] : [], Options = options, ComparePrevious = false };
        var result = await KpiSeries.ReadAsync(kpi, arguments, _request, _context, cancellationToken).ConfigureAwait(false);
        return (result.Rows ?? [])
            .Where(r => r.Value is not null && KpiSeries.Key(r, "account_id") is not null)
            .ToDictionary(r => KpiSeries.Key(r, "account_id")!, r => r.Value!.Value, StringComparer.Ordinal);
    }
}
