namespace UsageLens.Core.Kpis;

/// <summary>
/// The share of usage that comes from the top accounts (kpis.md, "Top-customer usage share"):
/// accounts with a ranking value above 0 are ranked by it, descending, ties to the lower
/// account id; the top X% are the first ⌈X/100·N⌉, the top K the first K, and the
/// revenue-weighted variant the shortest prefix whose ranking value reaches X% of the total.
/// </summary>
public static class TopCustomerShare
{
    public static TopShareOutcome Compute(
        IEnumerable<RankedAccount> candidates,
        IReadOnlyDictionary<string, double> usageByAccount,
        double totalUsage,
        TopSelection top,
        bool revenueWeighted = false)
    {
        ArgumentNullException.ThrowIfNull(top);
        var ranked = candidates
            .Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.AccountId, StringComparer.Ordinal)
            .ToList();
        var k = TopCount(ranked, top, revenueWeighted);
        var chosen = ranked.Take(k).ToList();
        return Outcome(chosen.Select(c => c.AccountId).ToList(), ranked.Count, k > 0 ? chosen[^1].Value : null, usageByAccount, totalUsage);
    }

    /// <summary>The variant where "top" is a set of accounts named by a filter, such as <c>strategic=true</c>, out of a population.</summary>
    public static TopShareOutcome ComputeForSet(
        IReadOnlyCollection<string> topAccounts,
        int population,
        IReadOnlyDictionary<string, double> usageByAccount,
        double totalUsage)
    {
        ArgumentNullException.ThrowIfNull(topAccounts);
        return Outcome(topAccounts.Order(StringComparer.Ordinal).ToList(), population, null, usageByAccount, totalUsage);
    }

    private static int TopCount(List<RankedAccount> ranked, TopSelection top, bool revenueWeighted)
    {
        var n = ranked.Count;
        if (top.Count is { } count)
        {
            if (revenueWeighted)
            {
                throw new UsageLensException("the revenue-weighted variant takes --top as a percentage, such as 20%");
            }
            return Math.Min(count, n);
        }
        var percent = top.Percent ?? throw new ArgumentException("a ranked selection needs a percent or a count", nameof(top));
        if (!revenueWeighted)
        {
            // decimal keeps 20% of 500 at exactly 100, where double arithmetic may land a hair above.
            return (int)Math.Ceiling((decimal)percent * n / 100m);
        }
        var target = ranked.Sum(r => r.Value) * percent / 100d;
        var cumulative = 0d;
        for (var i = 0; i < n; i++)
        {
            cumulative += ranked[i].Value;
            if (cumulative >= target)
            {
                return i + 1;
            }
        }
        return n;
    }

    private static TopShareOutcome Outcome(IReadOnlyList<string> top, int population, double? cutoff, IReadOnlyDictionary<string, double> usageByAccount, double totalUsage)
    {
        var topUsage = top.Sum(a => usageByAccount.GetValueOrDefault(a));
        double? share = totalUsage > 0 ? topUsage / totalUsage * 100d : null;
        return new TopShareOutcome(share, topUsage, totalUsage, top.Count, population, cutoff, top);
    }
}
