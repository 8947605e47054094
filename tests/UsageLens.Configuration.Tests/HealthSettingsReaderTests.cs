using UsageLens.Core;

namespace UsageLens.Configuration.Tests;

public sealed class HealthSettingsReaderTests
{
    [Fact]
    public void Weights_named_replace_the_defaults_and_the_others_keep_theirs()
    {
        var configuration = WorkspaceConfigurationReader.Read("c.yaml", "health:\n  usage_metric: api_call\n  weights:\n    nps: 0\n    usage_trend: 40\n  bands:\n    healthy: 75\n    at_risk: 30\n");

        var health = configuration.Health;
        Assert.Equal(0, health.Weights["nps"]);
        Assert.Equal(40, health.Weights["usage_trend"]);
        Assert.Equal(20, health.Weights["seat_utilization"]);
        Assert.Equal("api_call", health.UsageMetric);
        Assert.Equal((75d, 30d), (health.Healthy, health.AtRisk));
    }

    [Fact]
    public void Without_a_health_section_the_defaults_apply()
    {
        var health = WorkspaceConfigurationReader.Read("c.yaml", "rate_plans: {}\n").Health;

        Assert.Equal(100, health.Weights.Values.Sum());
        Assert.Equal((70d, 40d), (health.Healthy, health.AtRisk));
        Assert.Null(health.UsageMetric);
    }

    [Theory]
    [InlineData("health:\n  weights:\n    nps: -1\n", "c.yaml: health.weights.nps: '-1' must be a number from 0 to 1000000")]
    [InlineData("health:\n  weights:\n    logins: 5\n", "c.yaml: health.weights.logins: unknown key; expected usage_trend, feature_breadth, seat_utilization, login_recency, nps, mrr_movement")]
    [InlineData("health:\n  bands:\n    healthy: 50\n    at_risk: 60\n", "c.yaml: health.bands.at_risk: 60 must not be above health.bands.healthy (50)")]
    [InlineData("health:\n  bands:\n    healthy: high\n", "c.yaml: health.bands.healthy: 'high' must be a number from 0 to 100")]
    [InlineData("health:\n  weight: {}\n", "c.yaml: health.weight: unknown key; expected weights, usage_metric, bands")]
    public void Mistakes_name_the_key_path(string yaml, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("c.yaml", yaml));

        Assert.Equal(message, error.Message);
    }
}
