using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Trials;

/// <summary>
/// How a trial is graded against its converted peers. Pure. Each of usage level, active users and
/// feature breadth is the trial's figure over the peers' median, capped at 100%; the usage trend
/// (last 7 days over the 7 before) is graded as health grades a trend, 70 when flat.
/// </summary>
internal static class TrialConversionRules
{
    public static readonly (string Component, double Weight)[] Weights =
        [("usage_level", 35), ("active_users", 25), ("feature_breadth", 20), ("usage_trend", 20)];

    public const string Method =
        "usage_level: for each meter the peers use (median above 0), the trial's usage over the last 30 days ÷ the peers' median, at most 1, averaged; " +
        "active_users: distinct users active in the last 30 days ÷ the peers' median, at most 1; feature_breadth: meters used in the last 30 days ÷ the peers' median, at most 1; " +
        "usage_trend: usage of the last 7 days over the 7 before (mean of the ratios of the meters used before), graded 70 + (ratio − 1) × 100 within 0–100, skipped without usage in the 7 days before. " +
        "Weights: usage_level 35, active_users 25, feature_breadth 20, usage_trend 20, renormalised over the components graded.";

    public static IReadOnlyList<TrialGrade> Grades(string account, TrialPeers peers, UsageWindows month, UsageWindows week, double activeUsers)
    {
        double W(string component) => Weights.Single(w => w.Component == component).Weight;
        return [UsageLevel(account, peers, month, W("usage_level")), ActiveUsers(activeUsers, peers, W("active_users")), Breadth(account, peers, month, W("feature_breadth")), Trend(account, week, W("usage_trend"))];
    }

    public static double? Score(IReadOnlyList<TrialGrade> grades)
    {
        var graded = grades.Where(g => g.Grade is not null).ToList();
        var weight = graded.Sum(g => g.Weight);
        return weight <= 0 ? null : StableRounding.Round(graded.Sum(g => g.Weight * g.Grade!.Value) / weight, 1);
    }

    public static string Likelihood(double score) => score >= 70 ? "likely" : score >= 40 ? "possible" : "unlikely";

    private static TrialGrade UsageLevel(string account, TrialPeers peers, UsageWindows month, double weight)
    {
        var compared = peers.MeterMedians.Where(m => m.Value > 0).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        if (compared.Count == 0)
        {
            return new TrialGrade("usage_level", weight, null, "usage level skipped: the peers used no meter");
        }
        var ratios = compared.Select(m => (m.Key, Used: month.Of(account, m.Key).Recent, Median: m.Value)).ToList();
        var grade = ratios.Average(r => Math.Min(1, r.Used / r.Median)) * 100;
        return new TrialGrade("usage_level", weight, grade,
            $"usage level {string.Join(", ", ratios.Select(r => $"{r.Key} {N(r.Used)} of the peers' median {N(r.Median)}"))} → {N(grade)}/100");
    }

    private static TrialGrade ActiveUsers(double active, TrialPeers peers, double weight)
    {
        if (peers.ActiveUsers <= 0)
        {
            return new TrialGrade("active_users", weight, null, "active users skipped: the peers had no active user");
        }
        var grade = Math.Min(1, active / peers.ActiveUsers) * 100;
        return new TrialGrade("active_users", weight, grade, $"active users {N(active)} against the peers' median {N(peers.ActiveUsers)} → {N(grade)}/100");
    }

    private static TrialGrade Breadth(string account, TrialPeers peers, UsageWindows month, double weight)
    {
        if (peers.Breadth <= 0)
        {
            return new TrialGrade("feature_breadth", weight, null, "feature breadth skipped: the peers used no meter");
        }
        var used = month.UsedRecently(account);
        var grade = Math.Min(1, used.Count / peers.Breadth) * 100;
        return new TrialGrade("feature_breadth", weight, grade, $"feature breadth {used.Count} features ({string.Join(", ", used)}) against the peers' median {N(peers.Breadth)} → {N(grade)}/100");
    }

    private static TrialGrade Trend(string account, UsageWindows week, double weight)
    {
        var compared = week.Meters.Select(m => (Meter: m, Windows: week.Of(account, m))).Where(w => w.Windows.Previous > 0).ToList();
        if (compared.Count == 0)
        {
            return new TrialGrade("usage_trend", weight, null, $"usage trend skipped: no usage in the {week.Days} days before the last {week.Days}");
        }
        var ratio = compared.Average(w => w.Windows.Recent / w.Windows.Previous);
        var grade = Math.Clamp(HealthRules.FlatGrade + ((ratio - 1) * 100), 0, 100);
        return new TrialGrade("usage_trend", weight, grade,
            $"usage trend {string.Join(", ", compared.Select(w => $"{w.Meter} {N(w.Windows.Recent)} in the last {week.Days} days against {N(w.Windows.Previous)}"))} = {N((ratio - 1) * 100)}% → {N(grade)}/100");
    }

    private static string N(double value) => HealthRules.N(value);
}
