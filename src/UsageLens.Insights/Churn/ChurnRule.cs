using System.Globalization;

namespace UsageLens.Insights.Churn;

/// <summary>
/// The explainable fallback when the workspace has too few churned accounts to learn from: points for
/// each warning sign, summed to a 0–1 risk score (not a probability).
/// </summary>
internal static class ChurnRule
{
    private const double UsageDrop = 0.35;
    private const double Silence = 0.35;
    private const double UsersDrop = 0.15;
    private const double MrrDrop = 0.15;

    // (last − previous) ÷ (last + previous) ≤ −1/3 is the same as last ≤ half of previous.
    private const double HalvedChange = -1d / 3;
    private const int SilentDays = 14;

    public static string Description =>
        $"rule model: usage down more than 50% (last 30 days against the 30 before) {Points(UsageDrop)}, no activity in the last {SilentDays} days {Points(Silence)}, " +
        $"active users down more than 50% {Points(UsersDrop)}, MRR lower than 90 days earlier {Points(MrrDrop)}; the risk score is the sum (0 to 1), not a probability";

    public static (double Score, List<string> Reasons) Score(IReadOnlyList<double> features)
    {
        var reasons = new List<string>();
        var score = 0d;
        if (features[ChurnFeature.UsageTrend] <= HalvedChange)
        {
            score += UsageDrop;
            reasons.Add($"usage down more than 50% (usage_trend {Format(features[ChurnFeature.UsageTrend])})");
        }
        if (features[ChurnFeature.DaysSinceActivity] >= SilentDays)
        {
            score += Silence;
            reasons.Add($"no activity for {Format(features[ChurnFeature.DaysSinceActivity])} days");
        }
        if (features[ChurnFeature.ActiveUsersTrend] <= HalvedChange)
        {
            score += UsersDrop;
            reasons.Add($"active users down more than 50% (active_users_trend {Format(features[ChurnFeature.ActiveUsersTrend])})");
        }
        if (features[ChurnFeature.MrrChange] < 0)
        {
            score += MrrDrop;
            reasons.Add($"MRR lower than 90 days ago (mrr_change_90d {Format(features[ChurnFeature.MrrChange])})");
        }
        return (StableRounding.Round(score, 4), reasons);
    }

    private static string Points(double points) => $"+{Format(points)}";

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
