using UsageLens.Core;
using UsageLens.Core.Keys;

namespace UsageLens.Configuration.Tests;

public sealed class PrivacySettingsReaderTests
{
    [Fact]
    public void Named_roles_and_traits_replace_the_defaults()
    {
        var privacy = WorkspaceConfigurationReader.Read("c.yaml", "privacy:\n  mask_pii_for: [partner, Analyst]\n  pii_traits: [email, phone]\n").Privacy;

        Assert.Equal([ApiKeyRole.Analyst, ApiKeyRole.Partner], privacy.MaskPiiFor.Order());
        Assert.Equal(["email", "phone"], privacy.PiiTraits);
        Assert.False(privacy.Masks(ApiKeyRole.Viewer));
    }

    [Fact]
    public void Without_a_privacy_section_viewers_and_partners_see_emails_and_names_masked()
    {
        var privacy = WorkspaceConfigurationReader.Read("c.yaml", "rate_plans: {}\n").Privacy;

        Assert.Equal([ApiKeyRole.Partner, ApiKeyRole.Viewer], privacy.MaskPiiFor.Order());
        Assert.Equal(["email", "name"], privacy.PiiTraits);
    }

    [Theory]
    [InlineData("privacy:\n  mask_pii_for: [viewer, admin]\n", "c.yaml: privacy.mask_pii_for: 'admin' must be one of analyst, viewer, partner")]
    [InlineData("privacy:\n  mask_pii_for: viewer\n", "c.yaml: privacy.mask_pii_for: must be a list, such as [viewer, partner]")]
    [InlineData("privacy:\n  pii_traits: [email, '']\n", "c.yaml: privacy.pii_traits: every item must be a non-empty name")]
    [InlineData("privacy:\n  mask: []\n", "c.yaml: privacy.mask: unknown key; expected mask_pii_for, pii_traits")]
    public void Mistakes_name_the_key_path(string yaml, string message) =>
        Assert.Equal(message, Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("c.yaml", yaml)).Message);
}
