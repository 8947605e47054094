namespace UsageLens.Core.Semantics;

/// <summary>
/// The accounts a caller may see. Every query carries one; there is no way to build a query
/// without it, so a partner can never read another partner's customers.
/// </summary>
public sealed record AccountScope
{
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
}
