namespace UsageLens.Questions;

/// <summary>The values a workspace's data holds that questions can name: segments, regions, plans, partners and accounts.</summary>
public sealed record WorkspaceValues(IReadOnlyDictionary<string, IReadOnlyList<string>> ByDimension, IReadOnlyList<(string Id, string Name)> Partners)
{
    public static WorkspaceValues Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);

    /// <summary>The accounts by id and CRM name, so "Acme Robotics" or "acct-0001" reads as <c>account_id=acct-0001</c>.</summary>
    public IReadOnlyList<(string Id, string Name)> Accounts { get; init; } = [];

    /// <summary>The users by id, e-mail and the name in their traits, with their account, so "jane@acme.com" or "Jane Doe" reads as <c>user_id=u-17</c>.</summary>
    public IReadOnlyList<WorkspaceUser> Users { get; init; } = [];

    /// <summary>Each account's channel partner, for accounts that have one.</summary>
    public IReadOnlyDictionary<string, string> AccountPartners { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The values a caller in <paramref name="scope"/> may name: a partner's vocabulary holds only its own
    /// accounts, so a name shared with another partner's account is neither matched nor offered as a reading.
    /// </summary>
    public WorkspaceValues For(Core.Semantics.AccountScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var scoped = scope.PartnerId is not { } partner
            ? this
            : this with
            {
                Accounts = [.. Accounts.Where(a => Owns(partner, a.Id))],
                Users = [.. Users.Where(u => u.AccountId is { } account && Owns(partner, account))],
            };
        // A masked caller can neither be offered a person's e-mail or name nor name one: the person stays
        // reachable only by an id that is not an e-mail.
        return scope.MasksPii
            ? scoped with { Users = [.. scoped.Users.Where(u => !u.Id.Contains('@', StringComparison.Ordinal)).Select(u => u with { Email = null, Name = null })] }
            : scoped;
    }

    private bool Owns(string partner, string account) => AccountPartners.TryGetValue(account, out var owner) && owner == partner;
}
