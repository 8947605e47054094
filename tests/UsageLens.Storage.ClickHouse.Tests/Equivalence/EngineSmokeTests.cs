using UsageLens.Core.Configuration;
using UsageLens.Core.Kpis;
using UsageLens.Demo;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Equivalence;

[Collection(ClickHouseCollection.Name)]
public sealed class EngineSmokeTests(ClickHouseServers servers)
{
    [SkippableFact]
    public async Task Usage_of_api_calls_is_the_same_on_three_engines()
    {
        ClickHouseRequirement.Check();
        using var trio = await EngineTrio.CreateAsync(servers, new DemoOptions(EngineTrio.Today, Accounts: 20, Days: 60, Seed: 3), WorkspaceConfiguration.Empty);
        var answers = await trio.AnswersAsync("usage", new KpiArguments { Metric = "api_call" });
        Assert.Equal(answers[0]!.ToJsonString(), answers[1]!.ToJsonString());
        Assert.Equal(answers[0]!.ToJsonString(), answers[2]!.ToJsonString());
    }
}
