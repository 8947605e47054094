namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>The KPI property tests share <see cref="ReferenceWorkspaces"/> and so run one after another, never querying a workspace from two threads.</summary>
[CollectionDefinition(Name)]
public sealed class ReferenceWorkspacesCollection : ICollectionFixture<ReferenceWorkspaces>
{
    public const string Name = "reference workspaces";
}
