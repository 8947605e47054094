namespace UsageLens.Questions;

/// <summary>The values a workspace's data holds that questions can name: segments, regions, plans, partners and accounts.</summary>
public sealed record WorkspaceValues(IReadOnlyDictionary<string, IReadOnlyList<string>> ByDimension, IReadOnlyList<(string Id, string Name)> Partners)
{
    public static WorkspaceValues Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);

    /// <summary>The accounts by id and CRM name, so "Acme Robotics" or "acct-0001" reads as <c>account_id=acct-0001</c>.</summary>
    public IReadOnlyList<(string Id, string Name)> Accounts { get; init; } = [];
}
