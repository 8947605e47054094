namespace UsageLens.Insights.Accounts;

/// <summary>
/// The subscription timelines of the accounts in scope, every row effective before as-of, oldest
/// first; read by <see cref="SubscriptionHistoryReader"/>.
/// </summary>
internal sealed record SubscriptionHistory(IReadOnlyDictionary<string, IReadOnlyList<SubscriptionRow>> Rows)
{
    /// <summary>The row in force at as-of (the latest before it), or null when the account has none.</summary>
    public SubscriptionRow? Current(string account) => Rows.TryGetValue(account, out var rows) && rows.Count > 0 ? rows[^1] : null;

    /// <summary>Accounts whose row in force is paying (MRR above 0).</summary>
    public IReadOnlyList<string> Paying() => Rows.Keys.Where(a => Current(a) is { Mrr: > 0 }).Order(StringComparer.Ordinal).ToList();

    /// <summary>Accounts that paid after a trial and pay now: a trial row followed by a paying one, and paying at as-of.</summary>
    public IReadOnlyList<string> ConvertedFromTrial() =>
        Rows.Where(r => r.Value[^1].Mrr > 0 && r.Value.Select((row, i) => row.IsTrial && r.Value.Skip(i + 1).Any(later => later.Mrr > 0)).Any(converted => converted))
            .Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
}
