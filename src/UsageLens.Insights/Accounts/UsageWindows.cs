namespace UsageLens.Insights.Accounts;

/// <summary>
/// Every account's usage per meter in two windows (<see cref="Days"/> days before as-of, by default
/// <see cref="WindowDays"/>, and the same length before that), with each account's segment; read by
/// <see cref="UsageWindowsReader"/>.
/// </summary>
/// <remarks>
/// A class rather than a record: it keeps each account's recently used meters once, which the peer comparisons ask
/// for every peer of every account (at 5,000 accounts, tens of millions of times).
/// </remarks>
internal sealed class UsageWindows(
    IReadOnlyList<string> meters,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MeterWindows>> usage,
    IReadOnlyDictionary<string, string?> segments)
{
    public const int WindowDays = 30;

    private readonly Lazy<Dictionary<string, IReadOnlyList<string>>> _usedRecently = new(() =>
        usage.ToDictionary(u => u.Key, u => (IReadOnlyList<string>)[.. meters.Where(m => u.Value.TryGetValue(m, out var w) && w.Recent > 0)], StringComparer.Ordinal));

    public IReadOnlyList<string> Meters { get; } = meters;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, MeterWindows>> Usage { get; } = usage;

    public IReadOnlyDictionary<string, string?> Segments { get; } = segments;

    /// <summary>The length of each window in days.</summary>
    public int Days { get; init; } = WindowDays;

    /// <summary>The account's windows for <paramref name="meter"/>, zero when it did not use it.</summary>
    public MeterWindows Of(string account, string meter) =>
        Usage.TryGetValue(account, out var windows) && windows.TryGetValue(meter, out var found) ? found : default;

    /// <summary>The meters the account used in the recent window, in <see cref="Meters"/>' order.</summary>
    public IReadOnlyList<string> UsedRecently(string account) => _usedRecently.Value.GetValueOrDefault(account) ?? [];
}
