using UsageLens.Insights.Accounts;
using UsageLens.Insights.Health;

namespace UsageLens.Insights.Adoption;

/// <summary>
/// The adoption needs of one account. Pure. Low breadth: meters used in the last 30 days under a share of
/// the median of its active segment peers; low seats: active users under a share of licensed seats.
/// Severity is how far below the bar it is, 1 at nothing.
/// </summary>
internal static class AdoptionRules
{
    public static AdoptionNeed? LowBreadth(string account, AccountFacts facts, double bar, int minPeers)
    {
        var peers = facts.Peers(account).Where(p => facts.Usage.UsedRecently(p).Count > 0).ToList();
        var median = PeerPercentile.Median(peers.Select(p => (double)facts.Usage.UsedRecently(p).Count)) ?? 0;
        if (peers.Count < minPeers || median <= 0)
        {
            return null;
        }
        var used = facts.Usage.UsedRecently(account);
        var ratio = used.Count / median;
        return ratio >= bar
            ? null
            : new AdoptionNeed("low-breadth", 1 - ratio, $"feature breadth {used.Count} meters in the last 30 days{(used.Count > 0 ? $" ({string.Join(", ", used)})" : "")} against the median {HealthRules.N(median)} of {peers.Count} active {facts.Segments[account]} peers = {HealthRules.N(ratio * 100)}% (below {HealthRules.N(bar * 100)}%)");
    }

    public static AdoptionNeed? LowSeats(string account, AccountFacts facts, double bar)
    {
        if (facts.SeatUtilization(account) is not { } utilisation || utilisation >= bar)
        {
            return null;
        }
        var licensed = facts.Seats[account].Licensed;
        var active = facts.ActiveUsers.GetValueOrDefault(account);
        return new AdoptionNeed("low-seats", (bar - utilisation) / bar,
            $"seats {HealthRules.N(active)} users active in the last 30 days of {HealthRules.N(licensed)} licensed = {HealthRules.N(utilisation * 100)}% (below {HealthRules.N(bar * 100)}%): {HealthRules.N(licensed - active)} licensed seats unused");
    }
}
