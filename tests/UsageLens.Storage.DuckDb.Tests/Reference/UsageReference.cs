namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>
/// The usage KPIs (usage, top-customer-share, concentration) written out plainly from
/// docs/metrics.md and kpis.md, over the sample's lists. Clarity over speed.
/// </summary>
internal static class UsageReference
{
    /// <summary><c>event</c> = Σ quantity, <c>count(event)</c> = rows, <c>users(event)</c> = distinct users, <c>accounts(event)</c> = distinct accounts.</summary>
    public static double Metric(SampleWorkspace w, Window period, string metric, Func<string?, bool> keep)
    {
        var (kind, name) = Parse(metric);
        var rows = w.Events.Where(e => e.Name == name && period.Contains(e.At) && keep(e.Account)).ToList();
        return kind switch
        {
            "count" => rows.Count,
            "users" => rows.Where(e => e.User is not null).Select(e => e.User).Distinct().Count(),
            "accounts" => rows.Select(e => e.Account).Distinct().Count(),
            _ => rows.Sum(e => e.Quantity),
        };
    }

    /// <summary>The segments (null for accounts unknown to the CRM) of the accounts with events of the metric in the period.</summary>
    public static IEnumerable<string?> SegmentsWith(SampleWorkspace w, Window period, string metric, string? partner) =>
        w.Events.Where(e => e.Name == Parse(metric).Name && period.Contains(e.At) && w.InScope(e.Account, partner)).Select(e => w.SegmentOf(e.Account)).Distinct();

    /// <summary>
    /// Top-customer share: accounts with a ranking value above 0, descending, ties to the lower id;
    /// top X% = first ⌈X/100·N⌉, top K = first K, revenue-weighted = shortest prefix reaching X% of
    /// the total ranking value. Share = their api_call usage ÷ everyone's × 100.
    /// </summary>
    public static (ExpectedKpi Kpi, IReadOnlyList<string> Top) TopShare(SampleWorkspace w, Window period, Func<string?, bool> keep, string rankBy, string top, bool revenueWeighted)
    {
        var ranked = RankingValues(w, period, rankBy).Where(r => r.Value > 0 && keep(r.Account))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Account, StringComparer.Ordinal).ToList();
        var n = ranked.Count;
        int k;
        if (top.EndsWith('%'))
        {
            var percent = int.Parse(top[..^1], System.Globalization.CultureInfo.InvariantCulture);
            k = revenueWeighted ? ShortestPrefix(ranked.Select(r => r.Value).ToList(), percent) : ((percent * n) + 99) / 100;
        }
        else
        {
            k = Math.Min(int.Parse(top, System.Globalization.CultureInfo.InvariantCulture), n);
        }
        var chosen = ranked.Take(k).Select(r => r.Account).ToList();
        return (Share(w, period, keep, chosen, [("top_accounts", k), ("population", n), ("cutoff", k > 0 ? ranked[k - 1].Value : null)]), chosen);
    }

    /// <summary>The variant where the top accounts are the strategic ones.</summary>
    public static (ExpectedKpi Kpi, IReadOnlyList<string> Top) StrategicShare(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var chosen = w.Accounts.Where(a => a.Strategic && keep(a.Id)).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        return (Share(w, period, keep, chosen, [("top_accounts", chosen.Count)]), chosen);
    }

    /// <summary>
    /// Over the accounts with api_call usage, ascending x₁ ≤ … ≤ xₙ: Gini = 2·Σ i·xᵢ ÷ (n·Σx) − (n+1)/n,
    /// HHI = Σ (100·xᵢ/Σx)², top_share = the share of the <paramref name="leaders"/> heaviest.
    /// </summary>
    public static ExpectedKpi Concentration(SampleWorkspace w, Window period, Func<string?, bool> keep, Func<int, int> leaders)
    {
        var usage = PerAccount(w, period, keep).Values.Where(u => u > 0).Order().ToList();
        var n = usage.Count;
        var total = usage.Sum();
        if (n == 0)
        {
            return new ExpectedKpi(null, ("gini", null), ("hhi", null), ("accounts", 0), ("total_usage", 0), ("top_share", null));
        }
        var gini = (2 * usage.Select((x, i) => (i + 1) * x).Sum() / (n * total)) - ((n + 1d) / n);
        var hhi = usage.Sum(x => Math.Pow(100 * x / total, 2));
        var topShare = usage.AsEnumerable().Reverse().Take(leaders(n)).Sum() / total * 100;
        return new ExpectedKpi(gini, ("gini", gini), ("hhi", hhi), ("accounts", n), ("total_usage", total), ("top_share", topShare));
    }

    /// <summary>Lorenz points with one per account: the smallest k of n accounts hold this % of usage, k = 0..n.</summary>
    public static IReadOnlyList<double> Lorenz(SampleWorkspace w, Window period, Func<string?, bool> keep)
    {
        var usage = PerAccount(w, period, keep).Values.Where(u => u > 0).Order().ToList();
        var total = usage.Sum();
        return usage.Count == 0 ? [] : Enumerable.Range(0, usage.Count + 1).Select(k => usage.Take(k).Sum() / total * 100).ToList();
    }

    private static ExpectedKpi Share(SampleWorkspace w, Window period, Func<string?, bool> keep, IReadOnlyList<string> chosen, (string, double?)[] more)
    {
        var usage = PerAccount(w, period, keep);
        var total = usage.Values.Sum();
        var topUsage = chosen.Sum(a => usage.GetValueOrDefault(a));
        return new ExpectedKpi(total > 0 ? topUsage / total * 100 : null, [("top_usage", topUsage), ("total_usage", total), .. more]);
    }

    private static int ShortestPrefix(List<double> values, int percent)
    {
        var target = values.Sum() * percent / 100;
        for (var i = 0; i < values.Count; i++)
        {
            if (values.Take(i + 1).Sum() >= target)
            {
                return i + 1;
            }
        }
        return values.Count;
    }

    private static IEnumerable<(string Account, double Value)> RankingValues(SampleWorkspace w, Window period, string rankBy) => rankBy switch
    {
        "revenue" => w.Accounts.Select(a => (a.Id, a.Revenue)),
        "mrr" => w.AllAccountIds.Select(a => (a, RevenueReference.MrrAt(w, a, period.To))),
        _ => w.AllAccountIds.Select(a => (a, Metric(w, period, rankBy, account => account == a))),
    };

    private static Dictionary<string, double> PerAccount(SampleWorkspace w, Window period, Func<string?, bool> keep) =>
        w.Events.Where(e => e.Name == "api_call" && period.Contains(e.At) && keep(e.Account))
            .GroupBy(e => e.Account).ToDictionary(g => g.Key, g => g.Sum(e => e.Quantity));

    private static (string Kind, string Name) Parse(string metric)
    {
        var open = metric.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? ("sum", metric) : (metric[..open], metric[(open + 1)..^1]);
    }
}
