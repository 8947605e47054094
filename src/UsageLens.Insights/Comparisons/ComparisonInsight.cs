using System.Globalization;
using UsageLens.Core;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Insights.Comparisons;

/// <summary>
/// A KPI across the values of a dimension: each value's KPI over the period against the KPI of the
/// rest (every other value), and whether the gap is consistent, by a paired t-test over the
/// period's buckets (default weeks).
/// </summary>
internal sealed class ComparisonInsight : IInsight
{
    public const string Name = "comparison";
    private const double Significance = 0.05;

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("max-values", "the most values of the dimension compared, largest KPI first (default 20)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var kpi = request.Kpi ?? throw new UsageLensException("--kpi: a comparison needs the KPI to compare, for example --kpi usage --metric api_call --by segment");
        var dimension = request.Dimension ?? throw new UsageLensException("--by: a comparison needs the dimension whose values to compare, for example --by segment");
        var grain = request.Grain ?? "week";
        var period = request.Period ?? "last-12-weeks";
        var overall = await KpiSeries.ReadAsync(kpi, Arguments(request, period, null, []) with { GroupBy = [dimension] }, request, context, cancellationToken).ConfigureAwait(false);
        var values = (overall.Rows ?? [])
            .Select(r => (Value: KpiSeries.Key(r, context.Model.Dimension(dimension).Name), Kpi: r.Value))
            .Where(v => v.Value is not null && !v.Value.Contains(',', StringComparison.Ordinal))
            .OrderByDescending(v => v.Kpi ?? double.MinValue).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(request.IntOption("max-values", 20, 2, 200))
            .ToList();
        if (values.Count < 2)
        {
            throw new UsageLensException($"--by: {dimension} has {values.Count} value with a {kpi} over {overall.Period}; a comparison needs two at least");
        }
        var findings = new List<InsightFinding>();
        foreach (var (value, level) in values)
        {
            var filter = $"{dimension}={value}";
            var rest = $"{dimension}!={value}";
            var restTotal = await KpiSeries.ReadAsync(kpi, Arguments(request, period, null, [rest]), request, context, cancellationToken).ConfigureAwait(false);
            var mine = await KpiSeries.ReadAsync(kpi, Arguments(request, period, grain, [filter]), request, context, cancellationToken).ConfigureAwait(false);
            var others = await KpiSeries.ReadAsync(kpi, Arguments(request, period, grain, [rest]), request, context, cancellationToken).ConfigureAwait(false);
            findings.Add(Finding(filter, level, restTotal.Value, Differences(mine, others), overall.Unit));
        }
        var ordered = findings.OrderBy(f => f.Values.Single(v => v.Name == "p_value").Number ?? 1).ThenByDescending(f => f.Score).ThenBy(f => f.Subject, StringComparer.Ordinal).ToList();
        var significant = ordered.Count(f => f.Kind != "level");
        return new InsightResult(Name, request.AsOf, Method(grain), $"{significant} of {ordered.Count} values of {dimension} differ significantly from the rest in {overall.Kpi}{(overall.Metric is null ? "" : $" of {overall.Metric}")} over {overall.Period}.")
        {
            Figures =
            [
                InsightValue.Of("kpi", overall.Kpi),
                InsightValue.Of("metric", overall.Metric),
                InsightValue.Of("unit", overall.Unit),
                InsightValue.Of("by", dimension),
                InsightValue.Of("period", overall.Period.ToString()),
                InsightValue.Of("grain", grain),
                InsightValue.Of("values_compared", ordered.Count),
                InsightValue.Of("significance", Significance),
            ],
            Findings = ordered,
            Sql = [.. context.Sql],
        };
    }

    private static KpiArguments Arguments(InsightRequest request, string period, string? grain, IReadOnlyList<string> filters) => new()
    {
        Metric = request.Metric,
        Period = period,
        Grain = grain,
        Where = [.. request.Where, .. filters],
        Options = request.KpiOptions,
        Top = request.Top,
        RankBy = request.RankBy,
        ComparePrevious = false,
    };

    // Period by period, the group's KPI minus the rest's, where both have a value.
    private static List<double> Differences(KpiResult mine, KpiResult others)
    {
        var rest = (others.Rows ?? []).Where(r => r.Value is not null).ToDictionary(r => KpiSeries.Key(r, "period") ?? "", r => r.Value!.Value, StringComparer.Ordinal);
        return (mine.Rows ?? [])
            .Where(r => r.Value is not null && rest.ContainsKey(KpiSeries.Key(r, "period") ?? ""))
            .Select(r => r.Value!.Value - rest[KpiSeries.Key(r, "period") ?? ""])
            .ToList();
    }

    private static InsightFinding Finding(string subject, double? level, double? rest, List<double> differences, string unit)
    {
        var test = PairedDifference.Of(differences);
        var gap = level - rest;
        var kind = test is null || test.PValue >= Significance ? "level" : test.Mean > 0 ? "above" : "below";
        var why = test is null
            ? $"{subject}: {Format(level)} against {Format(rest)} {unit} for the rest; too few periods with both values to test the gap"
            : $"{subject}: {Format(level)} against {Format(rest)} {unit} for the rest; period by period it is {Format(Math.Abs(test.Mean))} {(test.Mean >= 0 ? "higher" : "lower")} on average " +
              $"(95% CI [{Format(test.Low)}, {Format(test.High)}], {test.Periods} periods, p = {PValue(test.PValue)}): {(kind == "level" ? "not a significant difference" : $"significantly {kind} the rest")}";
        return new InsightFinding(subject, kind, test is null || test.StandardError == 0 ? 0 : StableRounding.Round(Math.Abs(test.Mean / test.StandardError), 2), why)
        {
            Values =
            [
                InsightValue.Of("value", level),
                InsightValue.Of("rest", rest),
                InsightValue.Of("difference", gap),
                InsightValue.Of("difference_pct", rest is null or 0 || gap is null ? null : gap / Math.Abs(rest.Value) * 100),
                InsightValue.Of("periods", test?.Periods ?? differences.Count),
                InsightValue.Of("mean_period_difference", test?.Mean),
                InsightValue.Of("difference_low_95", test?.Low),
                InsightValue.Of("difference_high_95", test?.High),
                InsightValue.Of("p_value", test?.PValue),
            ],
        };
    }

    private static string Method(string grain) =>
        $"For each value of the dimension (up to max-values, largest KPI first), the KPI over the period is computed for that value (where dimension=value) and for the rest (where dimension!=value; accounts without a value are in neither). " +
        $"The gap is tested by a paired t-test over the period's {grain} buckets: the mean of the per-bucket differences, its 95% confidence interval and the two-sided p-value from Student's t on n − 1 degrees of freedom; " +
        $"a value is above or below the rest when p < {Significance.ToString(CultureInfo.InvariantCulture)}, else level. Findings are ordered by p-value.";

    private static string PValue(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Format(double? value) => value is null ? "-" : value.Value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
