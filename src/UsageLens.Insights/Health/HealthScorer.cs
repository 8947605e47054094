using UsageLens.Core.Configuration;

namespace UsageLens.Insights.Health;

/// <summary>Grades every account's components and combines them into <see cref="HealthScore"/>s, weights renormalised over the graded ones.</summary>
internal static class HealthScorer
{
    public static IReadOnlyList<HealthScore> Score(HealthSignals signals, HealthSettings settings, string? metric)
    {
        var scores = new List<HealthScore>();
        foreach (var account in signals.Accounts())
        {
            var grades = Grades(signals, settings, account, metric);
            var graded = grades.Where(g => g.Grade is not null).ToList();
            var weight = graded.Sum(g => g.Weight);
            if (weight <= 0)
            {
                continue;
            }
            var score = StableRounding.Round(graded.Sum(g => g.Weight * g.Grade!.Value) / weight, 1);
            scores.Add(new HealthScore(account, score, HealthRules.Band(score, settings), grades) { WeightShare = weight / grades.Sum(g => g.Weight) });
        }
        return scores;
    }

    private static List<HealthGrade> Grades(HealthSignals signals, HealthSettings settings, string account, string? metric)
    {
        double W(string component) => settings.Weights.GetValueOrDefault(component);
        return new List<HealthGrade>
        {
            HealthRules.UsageTrend(signals, account, metric, W("usage_trend")),
            HealthRules.FeatureBreadth(signals, account, W("feature_breadth")),
            HealthRules.SeatUtilization(signals, account, W("seat_utilization")),
            HealthRules.LoginRecency(signals, account, W("login_recency")),
            HealthRules.Nps(signals, account, W("nps")),
            HealthRules.MrrMovement(signals, account, W("mrr_movement")),
        }.Where(g => g.Weight > 0).ToList();
    }
}
