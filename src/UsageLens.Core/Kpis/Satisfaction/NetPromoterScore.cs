namespace UsageLens.Core.Kpis.Satisfaction;

/// <summary>
/// NPS = % promoters (9–10) − % detractors (0–6) over all answers, passives (7–8) included in the
/// denominator. Each answer scores +1, 0 or −1, so the 95% margin of error is
/// 1.96 · √(var / n) · 100 with var = (p₊ + p₋) − (p₊ − p₋)², the variance of that score.
/// </summary>
public static class NetPromoterScore
{
    public static NpsOutcome Compute(IEnumerable<(int Score, long Answers)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        long promoters = 0, passives = 0, detractors = 0;
        foreach (var (score, answers) in scores)
        {
            switch (score)
            {
                case >= 9: promoters += answers; break;
                case >= 7: passives += answers; break;
                default: detractors += answers; break;
            }
        }
        var n = promoters + passives + detractors;
        if (n == 0)
        {
            return new NpsOutcome(null, 0, 0, 0, 0, null);
        }
        var plus = (double)promoters / n;
        var minus = (double)detractors / n;
        var variance = plus + minus - ((plus - minus) * (plus - minus));
        return new NpsOutcome((plus - minus) * 100, n, promoters, passives, detractors, 1.96 * Math.Sqrt(variance / n) * 100);
    }
}
