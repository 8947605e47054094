using UsageLens.Core;
using UsageLens.Core.Finance;

namespace UsageLens.Configuration.Tests;

public sealed class WorkspaceConfigurationReaderTests
{
    private const string Yaml = """
        rate_plans:
          growth:
            meters:
              api_call: { included: 100000, unit_price: 0.002 }
              data_processed:
                included: 50
                mode: volume
                tiers:
                  - { up_to: 1000, unit_price: 0.10 }
                  - { unit_price: 0.05, flat_fee: 25 }
        """;

    [Fact]
    public void Rate_plans_are_read_from_yaml()
    {
        var plan = WorkspaceConfigurationReader.Read("usagelens.yaml", Yaml).RatePlans["growth"];

        Assert.Equal(new MeterPrice(100_000, 0.002, TierMode.Graduated, []).Included, plan.Meters["api_call"].Included);
        Assert.Equal(0.002, plan.Meters["api_call"].UnitPrice);
        var processed = plan.Meters["data_processed"];
        Assert.Equal((50d, TierMode.Volume), (processed.Included, processed.Mode));
        Assert.Equal([new PriceTier(1000, 0.10), new PriceTier(null, 0.05, 25)], processed.Tiers);
    }

    [Fact]
    public void Json_is_read_too()
    {
        var configuration = WorkspaceConfigurationReader.Read("usagelens.json", """{"rate_plans": {"pro": {"meters": {"export": {"unit_price": 1.5}}}}}""");

        Assert.Equal(1.5, configuration.RatePlans["pro"].Meters["export"].UnitPrice);
    }

    [Theory]
    [InlineData("rate_plans: {growth: {meters: {api_call: {unit_price: -1}}}}", "c.yaml: rate_plans.growth.meters.api_call.unit_price: '-1' must be a number ≥ 0")]
    [InlineData("rate_plans: {growth: {meters: {api_call: {unit_prize: 1}}}}", "c.yaml: rate_plans.growth.meters.api_call.unit_prize: unknown key; expected included, unit_price, mode, tiers")]
    [InlineData("rate_plans: {growth: {meters: {api_call: {included: 5}}}}", "c.yaml: rate_plans.growth.meters.api_call: give either unit_price or tiers")]
    [InlineData("rate_plans: {g: {meters: {m: {tiers: [{up_to: 10, unit_price: 1}, {up_to: 5, unit_price: 1}, {unit_price: 1}]}}}}", "c.yaml: rate_plans.g.meters.m.tiers[1].up_to: tiers must rise, and only the last one has no up_to")]
    [InlineData("rate_plans: {g: {meters: {m: {mode: stepped, unit_price: 1}}}}", "c.yaml: rate_plans.g.meters.m.mode: 'stepped' must be graduated or volume")]
    [InlineData("plans: {}", "c.yaml: plans: unknown key; expected rate_plans, metrics, activity, questions, health, alerts, playbooks, privacy, reports")]
    public void Mistakes_name_the_file_and_the_key_path(string text, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("c.yaml", text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Activity_events_are_read_as_a_list()
    {
        var configuration = WorkspaceConfigurationReader.Read("c.yaml", "activity:\n  events: [login, report_view, login]\n");

        Assert.Equal(["login", "report_view"], configuration.ActivityEvents);
        Assert.Empty(WorkspaceConfigurationReader.Read("c.yaml", "rate_plans: {}\n").ActivityEvents);
    }

    [Theory]
    [InlineData("activity:\n  events: login\n", "c.yaml: activity.events: must be a list of event names, for example [login, report_view] (line 2)")]
    [InlineData("activity:\n  events: [login, '']\n", "c.yaml: activity.events: an entry is empty; list event names, for example [login, report_view]")]
    [InlineData("activity:\n  event: [login]\n", "c.yaml: activity.event: unknown key; expected events")]
    public void Activity_mistakes_name_the_key_path(string text, string message)
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("c.yaml", text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Broken_yaml_names_the_line()
    {
        var error = Assert.Throws<UsageLensException>(() => WorkspaceConfigurationReader.Read("c.yaml", "rate_plans:\n  growth: [unclosed\n"));

        Assert.StartsWith("c.yaml line ", error.Message, StringComparison.Ordinal);
    }
}
