using UsageLens.Insights.Accounts;

namespace UsageLens.Insights.Benchmarks;

/// <summary>
/// Accounts' KPIs against their segments. Pure. A KPI is compared only when the account and at least
/// one other account of its segment have a value for it; the median is over the whole segment with a value.
/// Each segment's values of a KPI are sorted once and shared by its accounts: at 5,000 accounts, sorting the
/// peers' values again for each account took 20 s.
/// </summary>
internal sealed class SegmentBenchmark(AccountFacts facts)
{
    private readonly Dictionary<string, List<(string Kpi, Func<string, double?> Value, PeerValues Values)>> _segments = new(StringComparer.Ordinal);

    public IReadOnlyList<BenchmarkFigure> Of(string account)
    {
        if (facts.Segments.GetValueOrDefault(account) is not { } segment)
        {
            return [];
        }
        var figures = new List<BenchmarkFigure>();
        foreach (var (kpi, value, values) in Kpis(segment))
        {
            if (value(account) is not { } own || values.PercentileOfMember(own) is not { } percentile)
            {
                continue;
            }
            figures.Add(new BenchmarkFigure(kpi, own, percentile, values.Median!.Value, values.Count - 1));
        }
        return figures;
    }

    private List<(string Kpi, Func<string, double?> Value, PeerValues Values)> Kpis(string segment)
    {
        if (_segments.TryGetValue(segment, out var known))
        {
            return known;
        }
        var members = facts.SegmentAccounts(segment);
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
        return _segments[segment] = [.. kpis.Select(k => (k.Kpi, k.Value, new PeerValues(members.Select(k.Value).OfType<double>())))];
    }
}
