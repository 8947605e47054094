using System.Globalization;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;
using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Anomalies;

/// <summary>
/// Days on which a metric of an account (or, with <c>--kpi</c>, a KPI of the whole workspace)
/// departs from its weekday-adjusted, trend-following baseline; see <see cref="AnomalyDetector"/>.
/// Reads the <c>usage</c> KPI by day and account over the lookback window ending the day before as-of.
/// </summary>
internal sealed class AnomaliesInsight : IInsight
{
    public const string Name = "anomalies";
    public const string Workspace = "workspace";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("lookback", "days of history scanned, ending the day before as-of (default 90, or from's distance to as-of plus twice the baseline)"),
        new("from", "report only findings on or after this day (YYYY-MM-DD); the days before it still teach the baseline"),
        new("threshold", $"robust z-score from which a day is an anomaly (default {AnomalySettings.DefaultThreshold})"),
        new("baseline", "days before a day its expected value is learned from (default 28)"),
        new("min-volume", "typical daily volume below which a series is too small to judge (default 10 for accounts, 0 for a KPI)"),
        new("confirm", "days after a flagged day that tell a blip from a change (default 5)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var baselineDays = request.IntOption("baseline", 28, 21, 365);
        var reportFrom = request.DateOption("from");
        if (reportFrom >= request.AsOf)
        {
            throw new Core.UsageLensException($"option from={KpiSeries.Day(reportFrom.Value)} must be before the as-of day {KpiSeries.Day(request.AsOf)}");
        }
        // Findings from a given day need the baseline's history before it, so the default lookback reaches back that far.
        var defaultLookback = reportFrom is { } since ? Math.Max(90, request.AsOf.DayNumber - since.DayNumber + (2 * baselineDays)) : 90;
        var lookback = request.IntOption("lookback", Math.Min(defaultLookback, 3650), 21, 3650);
        var settings = new AnomalySettings(
            Threshold: request.NumberOption("threshold", AnomalySettings.DefaultThreshold, 1, 100),
            BaselineDays: baselineDays,
            MinHistoryDays: Math.Min(14, baselineDays),
            MinVolume: request.NumberOption("min-volume", request.Kpi is null ? 10 : 0, 0, double.MaxValue),
            ConfirmDays: request.IntOption("confirm", 5, AnomalySettings.MinConfirmDays, 60));
        var from = request.AsOf.AddDays(-lookback);
        var series = request.Kpi is { } kpi
            ? await WorkspaceSeriesAsync(kpi, request, from, context, cancellationToken).ConfigureAwait(false)
            : await AccountSeriesAsync(request, from, context, cancellationToken).ConfigureAwait(false);
        var scans = AnomalyDetector.ScanAll(from, [.. series.Select(s => s.Values)], settings);
        var findings = series
            .SelectMany((s, i) => scans[i].Where(a => a.Day >= (reportFrom ?? from)).Select(a => Finding(s, a, settings)))
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => f.Values[0].Text, StringComparer.Ordinal)
            .ThenBy(f => f.Values[1].Text, StringComparer.Ordinal)
            .ToList();
        return new InsightResult(Name, request.AsOf, Method(settings), Summary(findings, series.Count, reportFrom ?? from, request.AsOf))
        {
            Figures =
            [
                InsightValue.Of("from", KpiSeries.Day(from)),
                InsightValue.Of("to", KpiSeries.Day(request.AsOf)),
                InsightValue.Of("threshold", settings.Threshold),
                InsightValue.Of("baseline_days", settings.BaselineDays),
                InsightValue.Of("min_history_days", settings.MinHistoryDays),
                InsightValue.Of("min_volume", settings.MinVolume),
                InsightValue.Of("confirm_days", settings.ConfirmDays),
                InsightValue.Of("sparse_zero_share", settings.SparseZeroShare),
                InsightValue.Of("series_scanned", series.Count),
                InsightValue.Of("findings", findings.Count),
                .. reportFrom is { } first ? [InsightValue.Of("report_from", KpiSeries.Day(first))] : Array.Empty<InsightValue>(),
            ],
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    private static async Task<List<DailySeries>> AccountSeriesAsync(InsightRequest request, DateOnly from, KpiContext context, CancellationToken cancellationToken)
    {
        var metrics = request.Metric is { } metric ? [metric] : context.Model.Catalog.MeterUnits.Keys.Order(StringComparer.Ordinal).ToList();
        var series = new List<DailySeries>();
        foreach (var name in metrics)
        {
            if (context.Model.Catalog.MeterUnits.ContainsKey(name))
            {
                var daily = await AccountDailyUsage.ReadAsync(name, from, request.AsOf, request, context, cancellationToken).ConfigureAwait(false);
                series.AddRange(daily.Select(d => new DailySeries(d.Key, name, d.Value)));
                continue;
            }
            // A custom metric is a formula the usage KPI evaluates per row.
            var result = await KpiSeries.ReadAsync("usage", Daily(request, from) with { Metric = name, GroupBy = ["account_id"] }, request, context, cancellationToken).ConfigureAwait(false);
            series.AddRange(Collect(result, from, request.AsOf, row => KpiSeries.Key(row, "account_id") ?? AccountDailyUsage.NoAccount, result.Metric ?? name));
        }
        return series;
    }

    private static async Task<List<DailySeries>> WorkspaceSeriesAsync(string kpi, InsightRequest request, DateOnly from, KpiContext context, CancellationToken cancellationToken)
    {
        var result = await KpiSeries.ReadAsync(kpi, Daily(request, from) with { Metric = request.Metric, Options = request.KpiOptions }, request, context, cancellationToken).ConfigureAwait(false);
        var label = result.Metric is null ? result.Kpi : $"{result.Kpi}({result.Metric})";
        return Collect(result, from, request.AsOf, _ => Workspace, label);
    }

    private static KpiArguments Daily(InsightRequest request, DateOnly from) => new()
    {
        From = KpiSeries.Day(from),
        To = KpiSeries.Day(request.AsOf),
        Grain = "day",
        Where = request.Where,
        ComparePrevious = false,
    };

    private static List<DailySeries> Collect(KpiResult result, DateOnly from, DateOnly to, Func<KpiRow, string> subject, string metric)
    {
        var days = to.DayNumber - from.DayNumber;
        var series = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var row in result.Rows ?? throw new Core.UsageLensException($"the KPI {result.Kpi} gives no daily series to scan"))
        {
            var values = series.TryGetValue(subject(row), out var found) ? found : series[subject(row)] = new double[days];
            var day = KpiSeries.ParseDay(KpiSeries.Key(row, "period") ?? throw new Core.UsageLensException($"the KPI {result.Kpi} gives no daily series to scan"));
            values[day.DayNumber - from.DayNumber] = row.Value ?? 0;
        }
        return series.Select(s => new DailySeries(s.Key, metric, s.Value)).ToList();
    }

    private static InsightFinding Finding(DailySeries series, DetectedAnomaly anomaly, AnomalySettings settings)
    {
        var kind = Kebab(anomaly.Kind);
        var direction = anomaly.Direction == AnomalyDirection.Spike ? "spike" : "drop";
        return new InsightFinding(series.Subject, kind, StableRounding.Round(anomaly.Severity, 2), Why(series, anomaly, direction, settings))
        {
            Values =
            [
                InsightValue.Of("metric", series.Metric),
                InsightValue.Of("day", KpiSeries.Day(anomaly.Day)),
                InsightValue.Of("direction", direction),
                InsightValue.Of("observed", anomaly.Observed),
                InsightValue.Of("expected", Round(anomaly.Expected)),
                InsightValue.Of("expected_low", Round(anomaly.Low)),
                InsightValue.Of("expected_high", Round(anomaly.High)),
                InsightValue.Of("severity", StableRounding.Round(anomaly.Severity, 2)),
                InsightValue.Of("baseline_level", Round(anomaly.Baseline)),
                InsightValue.Of("new_level", anomaly.NewLevel is { } level ? Round(level) : null),
            ],
        };
    }

    private static string Why(DailySeries series, DetectedAnomaly anomaly, string direction, AnomalySettings settings)
    {
        var day = KpiSeries.Day(anomaly.Day);
        var what = $"{series.Metric} on {day} was {Format(anomaly.Observed)} where {Format(anomaly.Expected)} was expected (normal {Format(anomaly.Low)} to {Format(anomaly.High)}), a {direction} of {Format(anomaly.Severity)} robust z (threshold {Format(settings.Threshold)})";
        return anomaly.Kind switch
        {
            AnomalyKind.Anomaly => $"{what}; it was back to normal the next days",
            AnomalyKind.LevelShift => $"{what}; it stayed there: the level moved from {Format(anomaly.Baseline)} to {Format(anomaly.NewLevel ?? 0)} a day",
            AnomalyKind.Stopped => $"{what}; it has stayed at nothing since",
            _ => $"{what}; too recent to tell whether it returns to normal",
        };
    }

    private static string Method(AnomalySettings settings) =>
        $"Per series, each day is compared with a baseline learned from the {settings.BaselineDays} days before it (at least {settings.MinHistoryDays}): " +
        "a weekday profile (each weekday's median over the overall median), the weekday-free level projected along a robust trend (difference of the two halves' medians), " +
        $"and the spread 1.4826 × MAD around it (at least {Format(settings.SpreadFloor * 100)}% of the level). A day whose robust z-score reaches {Format(settings.Threshold)} is flagged. " +
        $"Series whose median day is 0 or whose level is below {Format(settings.MinVolume)} are not judged, and a zero day is normal where zero days already make up {Format(settings.SparseZeroShare * 100)}% of the baseline. " +
        $"If at least {Format(AnomalySettings.ShiftShare * 100)}% of the next {settings.ConfirmDays} days stay beyond half the threshold the day starts a change (level-shift, or stopped when they are all 0), reported once; otherwise it is an anomaly that returned to normal.";

    private static string Summary(List<InsightFinding> findings, int scanned, DateOnly from, DateOnly to)
    {
        var window = $"{KpiSeries.Day(from)} to {KpiSeries.Day(to.AddDays(-1))}";
        if (findings.Count == 0)
        {
            return $"No anomaly in {scanned} series from {window}.";
        }
        var kinds = findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return $"{findings.Count} findings in {scanned} series from {window}: {string.Join(", ", kinds)}; the strongest is {findings[0].Subject} ({findings[0].Why}).";
    }

    private static string Kebab(AnomalyKind kind) => kind switch
    {
        AnomalyKind.LevelShift => "level-shift",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static double Round(double value) => StableRounding.Round(value, 2);

    private static string Format(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
