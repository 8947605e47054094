using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Benchmarks;

/// <summary>
/// An account's KPIs against its segment. Pure. A KPI is compared only when the account and at least
/// one other account of its segment have a value for it; the median is over the whole segment with a value.
/// </summary>
internal static class SegmentBenchmark
{
    public static IReadOnlyList<BenchmarkFigure> Of(string account, AccountFacts facts)
    {
        var peers = facts.Peers(account);
        var members = peers.Append(account).ToList();
        var kpis = new List<(string Kpi, Func<string, double?> Value)>();
        foreach (var meter in facts.Usage.Meters.Where(m => members.Any(a => facts.Usage.Of(a, m).Recent > 0)))
        {
            kpis.Add(($"usage_{meter}", a => facts.Usage.Of(a, meter).Recent));
        }
        kpis.Add(("active_users", a => facts.ActiveUsers.GetValueOrDefault(a)));
        kpis.Add(("feature_breadth", a => facts.Usage.UsedRecently(a).Count));
        kpis.Add(("seat_utilization", a => facts.SeatUtilization(a) * 100));
        kpis.Add(("mrr", facts.Mrr));
        kpis.Add(("nps", a => facts.Nps.TryGetValue(a, out var nps) ? nps.Nps : null));
        var figures = new List<BenchmarkFigure>();
        foreach (var (kpi, value) in kpis)
        {
            var others = peers.Select(value).OfType<double>().ToList();
            if (value(account) is not { } own || others.Count == 0)
            {
                continue;
            }
            figures.Add(new BenchmarkFigure(kpi, own, PeerPercentile.Of(own, others)!.Value, PeerPercentile.Median(others.Append(own))!.Value, others.Count));
        }
        return figures;
    }
}
