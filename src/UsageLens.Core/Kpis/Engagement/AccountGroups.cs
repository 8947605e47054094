using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// Which accounts pass the request's account filters and which group-by values each has. It
/// keeps QueryPlanner's rules: an account missing from the CRM fails a positive filter, passes
/// a "!=" filter and has null account dimensions.
/// </summary>
internal sealed class AccountGroups(
    IReadOnlyList<Dimension> groupBy,
    IReadOnlyDictionary<string, string?[]> matching,
    IReadOnlySet<string> known,
    bool unknownPasses)
{
    public IReadOnlyList<Dimension> GroupBy => groupBy;

    public bool Keeps(string? account) =>
        (account is not null && matching.ContainsKey(account)) || ((account is null || !known.Contains(account)) && unknownPasses);

    /// <summary>The row key of an account: its group-by values joined.</summary>
    public string KeyOf(string? account) => RowKeys.Join(ValuesOf(account));

    public string?[] ValuesOf(string? account)
    {
        var attributes = account is not null && matching.TryGetValue(account, out var found) ? found : null;
        var values = new string?[groupBy.Count];
        for (var i = 0; i < groupBy.Count; i++)
        {
            values[i] = groupBy[i].IsAccountId ? account : attributes?[i];
        }
        return values;
    }
}
