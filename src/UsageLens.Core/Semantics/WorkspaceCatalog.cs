namespace UsageLens.Core.Semantics;

/// <summary>What a workspace holds that names can refer to: meters with their units, and the keys seen in traits and properties.</summary>
public sealed record WorkspaceCatalog(
    IReadOnlyDictionary<string, string> MeterUnits,
    IReadOnlySet<string> AccountTraits,
    IReadOnlySet<string> UserTraits,
    IReadOnlySet<string> EventProperties)
{
    public static WorkspaceCatalog Empty { get; } = new(new Dictionary<string, string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}
