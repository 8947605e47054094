using UsageLens.Insights.Health;

namespace UsageLens.Insights.Accounts;

/// <summary>
/// What the account-listing insights know of every account the request may see, as of a day: its
/// segment, usage windows, active users, seats, subscription timeline and latest NPS answer day;
/// read by <see cref="AccountFactsReader"/>.
/// </summary>
internal sealed record AccountFacts(
    IReadOnlyDictionary<string, string?> Segments,
    UsageWindows Usage,
    IReadOnlyDictionary<string, double> ActiveUsers,
    IReadOnlyDictionary<string, SeatCount> Seats,
    SubscriptionHistory Subscriptions,
    IReadOnlyDictionary<string, LatestNps> Nps)
{
    /// <summary>The accounts in view, sorted.</summary>
    public IReadOnlyList<string> Accounts => Segments.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The other accounts in view of the account's segment; empty without a segment.</summary>
    public IReadOnlyList<string> Peers(string account) =>
        Segments.GetValueOrDefault(account) is { } segment
            ? Segments.Where(s => s.Value == segment && s.Key != account).Select(s => s.Key).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Active users over licensed seats, or null without licensed seats.</summary>
    public double? SeatUtilization(string account) =>
        Seats.TryGetValue(account, out var seats) && seats.Licensed > 0 ? ActiveUsers.GetValueOrDefault(account) / seats.Licensed : null;

    /// <summary>The MRR in force at as-of, or null when the account does not pay.</summary>
    public double? Mrr(string account) => Subscriptions.Current(account) is { Mrr: > 0 } row ? row.Mrr : null;
}
