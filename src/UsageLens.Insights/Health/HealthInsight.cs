using UsageLens.Core.Configuration;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Insights.Health;

/// <summary>
/// A 0–100 health score per account as of a day: the configured weighted mean of graded components
/// (<see cref="HealthRules"/>), banded healthy / neutral / at risk, worst first, optionally with the
/// score at each of the last weeks' starts, each computed as of that day.
/// </summary>
internal sealed class HealthInsight : IInsight
{
    public const string Name = "health";

    public InsightDefinition Definition { get; } = InsightDefinitions.Named(Name);

    public IReadOnlyList<InsightParameter> Options { get; } =
    [
        new("history", "also score each account at the last N week starts, each as of that day (0–26, default 0)"),
    ];

    public async Task<InsightResult> ComputeAsync(InsightRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Configuration.Health;
        var metric = request.Metric ?? settings.UsageMetric;
        var weeks = request.IntOption("history", 0, 0, 26);
        var signals = await HealthSignalsReader.ReadAsync(request, context, cancellationToken).ConfigureAwait(false);
        var scores = HealthScorer.Score(signals, settings, metric);
        var history = new List<(DateOnly Day, IReadOnlyList<HealthScore> Scores)>();
        foreach (var day in WeekStarts(request.AsOf, context.Configuration.WeekStart, weeks))
        {
            var earlier = await HealthSignalsReader.ReadAsync(request with { AsOf = day }, context, cancellationToken).ConfigureAwait(false);
            history.Add((day, HealthScorer.Score(earlier, settings, metric)));
        }
        var findings = scores
            .OrderBy(s => s.Score)
            .ThenBy(s => s.Account, StringComparer.Ordinal)
            .Select(s => Finding(s, history))
            .ToList();
        return new InsightResult(Name, request.AsOf, Method(settings, metric), Summary(scores, settings))
        {
            Figures = Figures(settings, metric, scores),
            Series = history.Select(h => new InsightPoint(KpiSeries.Day(h.Day), h.Scores.Count == 0 ? null : StableRounding.Round(h.Scores.Average(s => s.Score), 1))).ToList(),
            Findings = findings,
            Sql = [.. context.Sql],
        };
    }

    /// <summary>The last <paramref name="weeks"/> days a week starts on, on or before <paramref name="asOf"/>, oldest first.</summary>
    internal static IReadOnlyList<DateOnly> WeekStarts(DateOnly asOf, DayOfWeek weekStart, int weeks)
    {
        var latest = asOf.AddDays(-(((int)asOf.DayOfWeek - (int)weekStart + 7) % 7));
        return Enumerable.Range(0, weeks).Select(i => latest.AddDays(-7 * (weeks - 1 - i))).ToList();
    }

    private static InsightFinding Finding(HealthScore score, List<(DateOnly Day, IReadOnlyList<HealthScore> Scores)> history)
    {
        var values = new List<InsightValue>
        {
            InsightValue.Of("weight_share", StableRounding.Round(score.WeightShare, 3)),
        };
        values.AddRange(score.Grades.Select(g => InsightValue.Of(g.Component, g.Grade is { } grade ? StableRounding.Round(grade, 1) : null)));
        if (history.Count > 0)
        {
            var past = history.Select(h => (h.Day, h.Scores.FirstOrDefault(s => s.Account == score.Account)));
            values.Add(InsightValue.Of("history", string.Join("; ", past.Select(p => $"{KpiSeries.Day(p.Day)} {(p.Item2 is { } s ? HealthRules.N(s.Score) : "-")}"))));
        }
        return new InsightFinding(score.Account, score.Band, score.Score, Why(score)) { Values = values };
    }

    private static string Why(HealthScore score)
    {
        var graded = score.Grades.Where(g => g.Grade is not null).Select(g => $"{g.Why} (weight {HealthRules.N(g.Weight)})");
        var skipped = score.Grades.Where(g => g.Grade is null).ToList();
        var why = $"health {HealthRules.N(score.Score)} ({score.Band}): {string.Join("; ", graded)}";
        return skipped.Count == 0
            ? why
            : $"{why}; {string.Join("; ", skipped.Select(g => $"{g.Component} {g.Why}"))}, so the weights were renormalised over the {HealthRules.N(score.WeightShare * 100)}% graded";
    }

    private static List<InsightValue> Figures(HealthSettings settings, string? metric, IReadOnlyList<HealthScore> scores)
    {
        var figures = new List<InsightValue>
        {
            InsightValue.Of("accounts", scores.Count),
            InsightValue.Of("healthy", scores.Count(s => s.Band == "healthy")),
            InsightValue.Of("neutral", scores.Count(s => s.Band == "neutral")),
            InsightValue.Of("at_risk", scores.Count(s => s.Band == "at-risk")),
            InsightValue.Of("mean_score", scores.Count == 0 ? null : StableRounding.Round(scores.Average(s => s.Score), 1)),
            InsightValue.Of("healthy_from", settings.Healthy),
            InsightValue.Of("at_risk_below", settings.AtRisk),
            InsightValue.Of("usage_metric", metric ?? "all meters"),
        };
        figures.AddRange(HealthSettings.Components.Select(c => InsightValue.Of($"weight_{c}", settings.Weights.GetValueOrDefault(c))));
        return figures;
    }

    private static string Method(HealthSettings settings, string? metric)
    {
        var weights = string.Join(", ", HealthSettings.Components.Select(c => $"{c} {HealthRules.N(settings.Weights.GetValueOrDefault(c))}"));
        return $"Health = the weighted mean of component grades 0–100 (weights {weights}; from the configuration's health section, else these defaults; usage metric {metric ?? "all meters"}). {HealthRules.Method} " +
            $"Bands: healthy from {HealthRules.N(settings.Healthy)}, at risk below {HealthRules.N(settings.AtRisk)}, neutral between. Scored: accounts paying now or with usage in the last 60 days.";
    }

    private static string Summary(IReadOnlyList<HealthScore> scores, HealthSettings settings)
    {
        if (scores.Count == 0)
        {
            return "No account to score: none pays now or used the product in the last 60 days.";
        }
        var worst = scores.MinBy(s => s.Score)!;
        return $"{scores.Count} accounts: {scores.Count(s => s.Band == "healthy")} healthy (≥ {HealthRules.N(settings.Healthy)}), {scores.Count(s => s.Band == "neutral")} neutral, {scores.Count(s => s.Band == "at-risk")} at risk (< {HealthRules.N(settings.AtRisk)}); mean {HealthRules.N(scores.Average(s => s.Score))}; the lowest is {worst.Account} at {HealthRules.N(worst.Score)}.";
    }
}
