using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>
/// The group-by values of each account, for breaking engagement down by account dimensions. An
/// account missing from the CRM has null account dimensions. Filtering is done in SQL, not here.
/// </summary>
internal sealed class AccountGroups(IReadOnlyList<Dimension> groupBy, IReadOnlyDictionary<string, string?[]> attributes)
{
    public IReadOnlyList<Dimension> GroupBy => groupBy;

    /// <summary>The row key of an account: its group-by values joined.</summary>
    public string KeyOf(string? account) => RowKeys.Join(ValuesOf(account));

    public string?[] ValuesOf(string? account)
    {
        var known = account is not null && attributes.TryGetValue(account, out var found) ? found : null;
        var values = new string?[groupBy.Count];
        for (var i = 0; i < groupBy.Count; i++)
        {
            values[i] = groupBy[i].IsAccountId ? account : known?[i];
        }
        return values;
    }
}
