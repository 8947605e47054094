namespace UsageLens.Questions;

/// <summary>The values a workspace's data holds that questions can name: segments, regions, plans and partners.</summary>
public sealed record WorkspaceValues(IReadOnlyDictionary<string, IReadOnlyList<string>> ByDimension, IReadOnlyList<(string Id, string Name)> Partners)
{
    public static WorkspaceValues Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);
}
