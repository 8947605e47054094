using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Keys;
using YamlDotNet.RepresentationModel;

namespace UsageLens.Configuration;

/// <summary>
/// Reads the <c>privacy</c> section: <c>mask_pii_for</c> (a list of roles; admin and writer cannot be masked, an
/// empty list masks nobody) and <c>pii_traits</c> (the user traits that are personal data). Either left out keeps
/// its default (viewer and partner; email and name).
/// </summary>
internal static class PrivacySettingsReader
{
    public static PrivacySettings Read(string file, YamlMappingNode privacy)
    {
        WorkspaceConfigurationReader.RefuseUnknown(file, "privacy", privacy, "mask_pii_for", "pii_traits");
        var settings = PrivacySettings.Default;
        var roles = settings.MaskPiiFor;
        if (WorkspaceConfigurationReader.Child(privacy, "mask_pii_for") is { } rolesNode)
        {
            roles = Names(file, "privacy.mask_pii_for", rolesNode).Select(name => Role(file, name)).ToHashSet();
        }
        var traits = WorkspaceConfigurationReader.Child(privacy, "pii_traits") is { } traitsNode
            ? Names(file, "privacy.pii_traits", traitsNode)
            : settings.PiiTraits;
        return new PrivacySettings(roles, traits);
    }

    private static ApiKeyRole Role(string file, string name)
    {
        if (!ApiKeyRoles.TryParse(name, out var role) || role is ApiKeyRole.Admin or ApiKeyRole.Writer)
        {
            throw new UsageLensException($"{file}: privacy.mask_pii_for: '{name}' must be one of analyst, viewer, partner");
        }
        return role;
    }

    private static List<string> Names(string file, string path, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new UsageLensException($"{file}: {path}: must be a list, such as [viewer, partner]");
        }
        return
        [
            .. sequence.Children.Select(item => (item as YamlScalarNode)?.Value?.Trim() is { Length: > 0 } text
                ? text
                : throw new UsageLensException($"{file}: {path}: every item must be a non-empty name")),
        ];
    }
}
