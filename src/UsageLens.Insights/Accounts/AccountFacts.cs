using UsageLens.Insights.Health;

namespace UsageLens.Insights.Accounts;

/// <summary>
/// What the account-listing insights know of every account the request may see, as of a day: its
/// segment, usage windows, active users, seats, subscription timeline and latest NPS answer day;
/// read by <see cref="AccountFactsReader"/>.
/// </summary>
/// <remarks>A class rather than a record: it keeps each segment's accounts once, for the peers of every account.</remarks>
internal sealed class AccountFacts(
    IReadOnlyDictionary<string, string?> segments,
    UsageWindows usage,
    IReadOnlyDictionary<string, double> activeUsers,
    IReadOnlyDictionary<string, SeatCount> seats,
    SubscriptionHistory subscriptions,
    IReadOnlyDictionary<string, LatestNps> nps)
{
    private readonly Lazy<List<string>> _accounts = new(() => segments.Keys.Order(StringComparer.Ordinal).ToList());

    private readonly Lazy<Dictionary<string, List<string>>> _segmentAccounts = new(() =>
        segments.Where(s => s.Value is not null).GroupBy(s => s.Value!, s => s.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string?> Segments { get; } = segments;

    public UsageWindows Usage { get; } = usage;

    public IReadOnlyDictionary<string, double> ActiveUsers { get; } = activeUsers;

    public IReadOnlyDictionary<string, SeatCount> Seats { get; } = seats;

    public SubscriptionHistory Subscriptions { get; } = subscriptions;

    public IReadOnlyDictionary<string, LatestNps> Nps { get; } = nps;

    /// <summary>The accounts in view, sorted.</summary>
    public IReadOnlyList<string> Accounts => _accounts.Value;

    /// <summary>The other accounts in view of the account's segment, sorted; empty without a segment.</summary>
    public IReadOnlyList<string> Peers(string account) =>
        Segments.GetValueOrDefault(account) is { } segment ? [.. SegmentAccounts(segment).Where(a => a != account)] : [];

    /// <summary>The accounts in view of a segment, sorted.</summary>
    public IReadOnlyList<string> SegmentAccounts(string segment) => _segmentAccounts.Value.GetValueOrDefault(segment) ?? [];

    /// <summary>Active users over licensed seats, or null without licensed seats.</summary>
    public double? SeatUtilization(string account) =>
        Seats.TryGetValue(account, out var seats) && seats.Licensed > 0 ? ActiveUsers.GetValueOrDefault(account) / seats.Licensed : null;

    /// <summary>The MRR in force at as-of, or null when the account does not pay.</summary>
    public double? Mrr(string account) => Subscriptions.Current(account) is { Mrr: > 0 } row ? row.Mrr : null;
}
