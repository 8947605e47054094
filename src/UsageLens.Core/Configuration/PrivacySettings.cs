using UsageLens.Core.Keys;

namespace UsageLens.Core.Configuration;

/// <summary>
/// Whose reads see people's personal data masked (<c>privacy.mask_pii_for</c>, default viewer and partner) and
/// which user traits are personal (<c>privacy.pii_traits</c>, default email and name). User ids that are
/// e-mail addresses are personal too.
/// </summary>
public sealed record PrivacySettings(IReadOnlySet<ApiKeyRole> MaskPiiFor, IReadOnlyList<string> PiiTraits)
{
    public static PrivacySettings Default { get; } = new(new HashSet<ApiKeyRole> { ApiKeyRole.Viewer, ApiKeyRole.Partner }, ["email", "name"]);

    /// <summary>Whether a caller with <paramref name="role"/> sees personal data masked.</summary>
    public bool Masks(ApiKeyRole role) => MaskPiiFor.Contains(role);
}
