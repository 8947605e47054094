namespace UsageLens.Insights.Accounts;

/// <summary>
/// The features (meters) an account did not use in the last 30 days that at least a share of its active
/// peers did. Pure. Peers are the other accounts in view with the same group key (segment or plan) that
/// used any meter in those days.
/// </summary>
internal static class PeerFeatureGaps
{
    public static IReadOnlyList<FeatureGap> Of(string account, UsageWindows usage, IReadOnlyList<string> accounts, Func<string, string?> group, double share, int minPeers, string? metric = null)
    {
        if (group(account) is not { } key)
        {
            return [];
        }
        var peers = accounts.Where(a => a != account && group(a) == key && usage.UsedRecently(a).Count > 0).ToList();
        if (peers.Count < minPeers)
        {
            return [];
        }
        var used = usage.UsedRecently(account).ToHashSet(StringComparer.Ordinal);
        return (metric is null ? usage.Meters : [metric])
            .Where(m => !used.Contains(m))
            .Select(m => new FeatureGap(m, peers.Count(p => usage.Of(p, m).Recent > 0), peers.Count))
            .Where(g => g.Users > 0 && g.Share >= share)
            .OrderByDescending(g => g.Users).ThenBy(g => g.Meter, StringComparer.Ordinal)
            .ToList();
    }
}
