using System.Globalization;

namespace UsageLens.Insights.Trends;

/// <summary>Says a fitted trend in plain words: "fell 4.1 points over 6 months, p = 0.01".</summary>
internal sealed record TrendDescription(string Kpi, string? Metric, string Unit, string Grain, int Periods)
{
    public string Summary(TrendFit fit, double first, double last, double significance)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var change = last - first;
        var verb = change > 0 ? "rose" : change < 0 ? "fell" : "did not change";
        var subject = Metric is null ? Kpi : $"{Kpi} of {Metric}";
        var amount = change == 0 ? "" : $" {Amount(Math.Abs(change))}";
        var verdict = fit.PValue < significance
            ? $"the slope is significant at the {Number(significance * 100)}% level"
            : $"the slope is not significant at the {Number(significance * 100)}% level";
        return $"{subject} {verb}{amount} over {Periods} {Plural(Grain, Periods)} (from {Value(first)} to {Value(last)}), p = {PValue(fit.PValue)}; " +
            $"slope {Signed(fit.Slope)} {PerUnit()} a {Grain}, 95% CI [{Signed(fit.Low)}, {Signed(fit.High)}]: {verdict}.";
    }

    private string Amount(double value) => Unit == "percent" ? $"{Number(value)} points" : $"{Number(value)} {Unit}";

    private string PerUnit() => Unit == "percent" ? "points" : Unit;

    private string Value(double value) => Unit == "percent" ? $"{Number(value)}%" : $"{Number(value)} {Unit}";

    private static string Plural(string grain, int count) => count == 1 ? grain : $"{grain}s";

    private static string Signed(double value) => (value >= 0 ? "+" : "−") + Number(Math.Abs(value));

    private static string Number(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string PValue(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.###", CultureInfo.InvariantCulture);
}
