namespace UsageLens.Core.Kpis.Usage;

/// <summary>
/// How concentrated usage is across the accounts that used the metric. With usage sorted ascending,
/// x₁ ≤ … ≤ xₙ: Gini = 2·Σ i·xᵢ ÷ (n·Σ x) − (n + 1) ÷ n (0 = even, → 1 = one account uses everything);
/// HHI = Σ (100·sᵢ)² over usage shares sᵢ (10,000 = one account). The Lorenz curve gives, for each
/// share of accounts (smallest first), the share of usage they account for.
/// </summary>
public static class UsageConcentration
{
    /// <summary>Computes the measures; the leaders are the <paramref name="top"/> heaviest accounts (a count, or a percentage of those with usage; default 10).</summary>
    public static ConcentrationOutcome Compute(IEnumerable<(string Account, double Usage)> usage, TopSelection? top = null, int lorenzSteps = 100)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var ascending = usage.Where(u => u.Usage > 0).OrderBy(u => u.Usage).ThenBy(u => u.Account, StringComparer.Ordinal).ToList();
        var n = ascending.Count;
        var total = ascending.Sum(u => u.Usage);
        if (n == 0)
        {
            return new ConcentrationOutcome(null, null, 0, 0, null, [], []);
        }
        var weighted = 0d;
        var cumulative = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            weighted += (i + 1) * ascending[i].Usage;
            cumulative[i + 1] = cumulative[i] + ascending[i].Usage;
        }
        var gini = (2 * weighted / (n * total)) - ((n + 1d) / n);
        var hhi = ascending.Sum(u => Math.Pow(100 * u.Usage / total, 2));
        var leaderCount = top?.Count ?? (top?.Percent is { } percent ? (int)Math.Ceiling((decimal)percent * n / 100m) : 10);
        var largest = ascending.AsEnumerable().Reverse().Take(leaderCount).ToList();
        var leaders = largest.Select(u => new ConcentrationLeader(u.Account, u.Usage, u.Usage / total * 100)).ToList();
        // Every account is a point when there are few; otherwise the account nearest each percentile.
        var lorenz = (n <= lorenzSteps ? Enumerable.Range(0, n + 1) : Enumerable.Range(0, lorenzSteps + 1).Select(step => (int)Math.Round((double)step * n / lorenzSteps, MidpointRounding.AwayFromZero)))
            .Distinct()
            .Select(k => new LorenzPoint(100d * k / n, cumulative[k] / total * 100))
            .ToList();
        return new ConcentrationOutcome(Math.Max(0, gini), hhi, n, total, leaders.Sum(l => l.Share), leaders, lorenz);
    }
}
