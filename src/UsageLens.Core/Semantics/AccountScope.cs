namespace UsageLens.Core.Semantics;

/// <summary>
/// The accounts a caller may see. Every query carries one; there is no way to build a query
/// without it, so a partner can never read another partner's customers.
/// </summary>
public sealed record AccountScope
{
    private const string PartnerDimension = "partner_id";

    private AccountScope(string? partnerId) => PartnerId = partnerId;

    /// <summary>Every account in the workspace.</summary>
    public static AccountScope All { get; } = new((string?)null);

    /// <summary>Only the accounts owned by one channel partner.</summary>
    public static AccountScope Partner(string partnerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(partnerId);
        return new AccountScope(partnerId);
    }

    /// <summary>The partner whose accounts are visible, or null for all accounts.</summary>
    public string? PartnerId { get; }

    public bool IsAll => PartnerId is null;

    /// <summary>
    /// Refuses filters that name a partner other than this scope's: the scope would return nothing,
    /// and silently answering zero would hide that the key may not look there.
    /// </summary>
    public void Admit(IEnumerable<Filter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (PartnerId is null)
        {
            return;
        }
        foreach (var filter in filters.Where(f => f.Dimension.Name == PartnerDimension && f.Operator == FilterOperator.In))
        {
            var other = filter.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(v => v != PartnerId);
            if (other is not null)
            {
                throw new UsageLensException(UsageLensErrorKind.Forbidden, $"{filter}: this key sees only partner '{PartnerId}'s accounts, not partner '{other}'s");
            }
        }
    }
}
