using System.Globalization;
using UsageLens.Core.Insights;
using UsageLens.Core.Kpis;

namespace UsageLens.Questions;

/// <summary>
/// An ask in words, as cli.md shows it: subject · aggregation · exact dates · scope · ranking · grain,
/// for example <c>api_call · sum · 2026-10-01 to 2026-11-01 · top 20% of accounts by revenue</c>.
/// </summary>
public static class Interpretation
{
    public static string Of(IReadOnlyList<QueryAsk> asks, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(asks);
        return string.Join("; ", asks.Select(a => Of(a, weekStart)));
    }

    public static string Of(QueryAsk ask, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var parts = new List<string> { Subject(ask), Aggregation(ask) };
        if (ask.Insight is not null && ask.From is null)
        {
            parts.Add($"as of {Day(ask.AsOf!.Value)}");
        }
        else if (ask.From is { } from && ask.To is { } to)
        {
            // A calendar week depends on the configured first day, so say which one was used.
            var week = ask.Grain != "week" && from.DayOfWeek == weekStart && to.DayNumber - from.DayNumber == 7;
            parts.Add(week ? $"{Dates(from, to)} (weeks start {weekStart})" : Dates(from, to));
        }
        parts.Add(ask.Where.Count == 0 ? "all accounts" : $"where {string.Join(" and ", ask.Where)}");
        if (Ranking(ask) is { } ranking)
        {
            parts.Add(ranking);
        }
        if (ask.GroupBy.Count > 0 && !ask.IsAccountList)
        {
            parts.Add($"by {string.Join(", ", ask.GroupBy)}");
        }
        if (ask.Grain is { } grain)
        {
            parts.Add(grain == "week" ? $"by week (weeks start {weekStart})" : $"by {grain}");
        }
        if (ask.CompareFrom is { } cf && ask.CompareTo is { } ct)
        {
            parts.Add($"compared with {Dates(cf, ct)}");
        }
        return string.Join(" · ", parts);
    }

    public static string Dates(DateOnly from, DateOnly to) => $"{Day(from)} to {Day(to)}";

    private static string Subject(QueryAsk ask)
    {
        if (ask.Insight is { } insight)
        {
            var of = string.Join(", ", new[] { ask.Kpi, ask.Metric }.OfType<string>().Concat(ask.Options));
            return of.Length == 0 ? $"insights: {insight}" : $"insights: {insight}({of})";
        }
        var details = new List<string>();
        if (ask.Metric is { } metric)
        {
            details.Add(metric);
        }
        details.AddRange(ask.Options);
        if (ask.Variant is { } variant)
        {
            details.Add(variant);
        }
        if (ask.Kpi == KpiNames.Usage && details.Count == 1)
        {
            return details[0];
        }
        return details.Count == 0 ? ask.Kpi! : $"{ask.Kpi}({string.Join(", ", details)})";
    }

    private static string Aggregation(QueryAsk ask)
    {
        if (ask.Insight is { } insight)
        {
            // What the insight finds, in its catalogue's words ("churn risk"); whether it is computed yet
            // is the answer's business, not the interpretation's.
            return InsightCatalog.All.FirstOrDefault(i => i.Name == insight)?.Title.ToLowerInvariant() ?? insight;
        }
        if (ask.Kpi == KpiNames.Usage)
        {
            var metric = ask.Metric ?? "";
            return metric.StartsWith("users(", StringComparison.Ordinal) ? "distinct users"
                : metric.StartsWith("accounts(", StringComparison.Ordinal) ? "distinct accounts"
                : metric.StartsWith("count(", StringComparison.Ordinal) ? "count" : "sum";
        }
        var kpi = KpiCatalog.All.FirstOrDefault(k => k.Definition.Name == ask.Kpi);
        return kpi?.Definition.Title.ToLowerInvariant() ?? "unknown";
    }

    private static string? Ranking(QueryAsk ask)
    {
        if (ask.TopWhere.Count > 0)
        {
            return $"top accounts where {string.Join(" and ", ask.TopWhere)}";
        }
        var by = ask.RankBy ?? (ask.IsAccountList ? ask.Metric ?? ask.Kpi : null);
        var suffix = by is null ? "" : $" by {by}";
        if (ask.Top is { } top)
        {
            return top.EndsWith('%') ? $"top {top} of accounts{suffix}" : $"top {top} accounts{suffix}";
        }
        return ask.Bottom is { } bottom ? $"bottom {bottom} accounts{suffix}" : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
