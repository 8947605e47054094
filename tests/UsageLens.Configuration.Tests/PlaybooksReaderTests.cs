using UsageLens.Core;

namespace UsageLens.Configuration.Tests;

public sealed class PlaybooksReaderTests
{
    [Fact]
    public void Playbooks_map_each_named_signal_to_its_action()
    {
        var configuration = WorkspaceConfigurationReader.Read("usagelens.yaml", """
            playbooks:
              churn-risk: Call the sponsor this week
              low-adoption: "Offer a training session"
            """);

        Assert.Equal("Call the sponsor this week", configuration.Playbooks.ActionFor("churn-risk"));
        Assert.Equal("Offer a training session", configuration.Playbooks.ActionFor("low-adoption"));
        Assert.Null(configuration.Playbooks.ActionFor("upsell"));
    }

    [Fact]
    public void A_file_without_playbooks_recommends_nothing()
    {
        Assert.Empty(WorkspaceConfigurationReader.Read("usagelens.yaml", "health: {}").Playbooks.Actions);
    }

    [Theory]
    [InlineData("playbooks:\n  churn: Call them\n", "usagelens.yaml: playbooks.churn: unknown key; expected churn-risk, at-risk, low-adoption, upsell, buying-signal, usage-anomaly")]
    [InlineData("playbooks:\n  upsell: \"\"\n", "usagelens.yaml: playbooks.upsell: give the recommended action as text")]
    [InlineData("playbooks:\n  upsell: [a, b]\n", "usagelens.yaml: playbooks.upsell: give the recommended action as text")]
    [InlineData("playbooks: call\n", "usagelens.yaml: playbooks must be a mapping")]
    public void A_bad_playbook_is_refused_naming_the_file_path_and_reason(string yaml, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("usagelens.yaml", yaml));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
