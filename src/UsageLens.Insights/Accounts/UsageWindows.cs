namespace UsageLens.Insights.Accounts;

/// <summary>
/// Every account's usage per meter in two windows (<see cref="Days"/> days before as-of, by default
/// <see cref="WindowDays"/>, and the same length before that), with each account's segment; read by
/// <see cref="UsageWindowsReader"/>.
/// </summary>
internal sealed record UsageWindows(
    IReadOnlyList<string> Meters,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MeterWindows>> Usage,
    IReadOnlyDictionary<string, string?> Segments)
{
    public const int WindowDays = 30;

    /// <summary>The length of each window in days.</summary>
    public int Days { get; init; } = WindowDays;

    /// <summary>The account's windows for <paramref name="meter"/>, zero when it did not use it.</summary>
    public MeterWindows Of(string account, string meter) =>
        Usage.TryGetValue(account, out var meters) && meters.TryGetValue(meter, out var windows) ? windows : default;

    /// <summary>The meters the account used in the recent window.</summary>
    public IReadOnlyList<string> UsedRecently(string account) => Meters.Where(m => Of(account, m).Recent > 0).ToList();
}
