using UsageLens.Insights.Health;

namespace UsageLens.Insights.Accounts;

/// <summary>
/// How heavy and how fast-growing an account's usage is. Pure. Heaviness is its percentile among the
/// other accounts of its segment (ties half), averaged over the meters anyone in the segment used in the
/// last 30 days; growth is the mean of its meters' ratios of the last 30 days over the 30 before.
/// </summary>
internal static class UsageStanding
{
    /// <summary>The account's mean usage percentile in its segment, its peer count and the evidence; null without a segment or peers.</summary>
    public static (double Percentile, int Peers, string Why)? Percentile(string account, UsageWindows usage, IReadOnlyDictionary<string, string?> segments, string? metric)
    {
        if (segments.GetValueOrDefault(account) is not { } segment)
        {
            return null;
        }
        var peers = segments.Where(s => s.Value == segment && s.Key != account).Select(s => s.Key).ToList();
        var members = peers.Append(account).ToList();
        var meters = (metric is null ? usage.Meters : [metric]).Where(m => members.Any(a => usage.Of(a, m).Recent > 0)).ToList();
        if (peers.Count == 0 || meters.Count == 0)
        {
            return null;
        }
        var ranks = meters.Select(m => (Meter: m, Used: usage.Of(account, m).Recent, Rank: PeerPercentile.Of(usage.Of(account, m).Recent, peers.Select(p => usage.Of(p, m).Recent).ToList())!.Value)).ToList();
        var percentile = ranks.Average(r => r.Rank);
        var evidence = string.Join(", ", ranks.Select(r => $"{r.Meter} {HealthRules.N(r.Used)} (percentile {HealthRules.N(r.Rank * 100)})"));
        return (percentile, peers.Count, $"usage in the last 30 days against {peers.Count} other {segment} accounts: {evidence}; mean percentile {HealthRules.N(percentile * 100)}");
    }

    /// <summary>The mean of the ratios of the last 30 days over the 30 before, minus 1, over the meters used before; null when none was.</summary>
    public static (double Growth, string Why)? Growth(string account, UsageWindows usage, string? metric)
    {
        var compared = (metric is null ? usage.Meters : [metric]).Select(m => (Meter: m, Windows: usage.Of(account, m))).Where(w => w.Windows.Previous > 0).ToList();
        if (compared.Count == 0)
        {
            return null;
        }
        var growth = compared.Average(w => w.Windows.Recent / w.Windows.Previous) - 1;
        var evidence = string.Join(", ", compared.Select(w => $"{w.Meter} {HealthRules.N(w.Windows.Recent)} against {HealthRules.N(w.Windows.Previous)}"));
        return (growth, $"usage of the last 30 days over the 30 before: {evidence} = {(growth > 0 ? "+" : "")}{HealthRules.N(growth * 100)}%");
    }
}
