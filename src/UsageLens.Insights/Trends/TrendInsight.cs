using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Insights.Trends;

/// <summary>
/// A KPI of the catalogue by grain over a period before the as-of day: its series, the OLS slope
/// with a 95% confidence interval and p-value, the change over the period and the last
/// period-over-period change, said in plain words.
/// </summary>
internal sealed class TrendInsight : IInsight
{
    public const string Name = "trend";
    public const string DefaultGrain = "month";
    public const string DefaultPeriod = "last-6-months";
    private const double Significance = 0.05;

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } = [];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var kpi = request.Kpi ?? throw new UsageLensException("--kpi: trend needs the KPI to follow, for example --kpi top-customer-share --metric api_call");
        var grain = request.Grain ?? DefaultGrain;
        var arguments = new KpiArguments
        {
            Metric = request.Metric,
            Period = request.Period ?? DefaultPeriod,
            Grain = grain,
            Where = request.Where,
            Options = request.KpiOptions,
            Top = request.Top,
            RankBy = request.RankBy,
            ComparePrevious = false,
        };
        var result = await KpiSeries.ReadAsync(kpi, arguments, request, context, cancellationToken).ConfigureAwait(false);
        var series = (result.Rows ?? []).Select(r => new InsightPoint(KpiSeries.Key(r, "period") ?? "", r.Value)).ToList();
        var known = series.Select((p, i) => (Index: i, p.Value)).Where(p => p.Value is not null).Select(p => ((double)p.Index, p.Value!.Value)).ToList();
        if (known.Count < 3)
        {
            throw new UsageLensException($"--period: a trend needs three {grain} periods with a value at least; {result.Period} has {known.Count}");
        }
        var fit = TrendFit.Of(known);
        var first = known[0].Item2;
        var last = known[^1].Item2;
        var previous = known[^2].Item2;
        var described = new TrendDescription(result.Kpi, result.Metric, result.Unit, grain.Trim().ToLowerInvariant(), series.Count);
        return new InsightResult(Name, request.AsOf, Method(), described.Summary(fit, first, last, Significance))
        {
            Figures =
            [
                InsightValue.Of("kpi", result.Kpi),
                InsightValue.Of("metric", result.Metric),
                InsightValue.Of("unit", result.Unit),
                InsightValue.Of("period", result.Period.ToString()),
                InsightValue.Of("grain", described.Grain),
                InsightValue.Of("points", fit.Points),
                InsightValue.Of("first", first),
                InsightValue.Of("last", last),
                InsightValue.Of("change", last - first),
                InsightValue.Of("change_pct", Relative(last - first, first)),
                InsightValue.Of("last_period_change", last - previous),
                InsightValue.Of("last_period_change_pct", Relative(last - previous, previous)),
                InsightValue.Of("slope", fit.Slope),
                InsightValue.Of("slope_low_95", fit.Low),
                InsightValue.Of("slope_high_95", fit.High),
                InsightValue.Of("slope_standard_error", fit.StandardError),
                InsightValue.Of("p_value", fit.PValue),
                InsightValue.Of("intercept", fit.Intercept),
                InsightValue.Of("r_squared", fit.RSquared),
                InsightValue.Of("significant", fit.PValue < Significance ? "yes" : "no"),
            ],
            Series = series,
            Sql = [.. context.Sql],
        };
    }

    private static double? Relative(double change, double from) => from == 0 ? null : change / Math.Abs(from) * 100;

    private static string Method() =>
        $"Ordinary least squares of the KPI's value on the period's index (0, 1, 2 ...); the slope's standard error is √(Σresidual² / (n − 2) / Σ(x − x̄)²), its 95% confidence interval and two-sided p-value come from Student's t with n − 2 degrees of freedom. Periods without a value are left out of the fit. A change is called significant when p < {Significance.ToString(CultureInfo.InvariantCulture)}.";
}
