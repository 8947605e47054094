using System.Text.Json;
using UsageLens.Core.Configuration;
using UsageLens.Core.Demo;
using UsageLens.Core.Finance;
using UsageLens.Core.Kpis;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Equivalence;

/// <summary>
/// The same seeded demo workspace on DuckDB, one ClickHouse server and a two-shard ClickHouse
/// cluster must answer every KPI in the catalogue alike: counts exactly, fractions within 1e-9
/// relative, errors word for word.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class EngineEquivalenceTests(ClickHouseServers servers)
{
    private static readonly WorkspaceConfiguration s_plans = new(new Dictionary<string, RatePlan>
    {
        ["starter"] = new("starter", new Dictionary<string, MeterPrice> { ["api_call"] = new(1000, 0.01, TierMode.Graduated, []) }),
        ["growth"] = new("growth", new Dictionary<string, MeterPrice>
        {
            ["api_call"] = new(5000, null, TierMode.Volume, [new PriceTier(10_000, 0.008), new PriceTier(null, 0.005)]),
        }),
    });

    [SkippableFact]
    public async Task Every_kpi_gives_the_same_answer_on_duckdb_one_clickhouse_server_and_a_two_shard_cluster()
    {
        ClickHouseRequirement.Check();
        using var trio = await EngineTrio.CreateAsync(servers, new DemoOptions(EngineTrio.Today, Accounts: 40, Days: 150, Seed: 11), s_plans);
        var answered = 0;
        var cases = 0;
        var failures = new List<string>();
        foreach (var kpi in KpiCatalog.All)
        {
            foreach (var arguments in KpiCases.For(kpi.Definition))
            {
                System.Text.Json.Nodes.JsonNode?[] answers;
                try
                {
                    answers = await trio.AnswersAsync(kpi.Definition.Name, arguments);
                }
                catch (Http.ClickHouseException ex)
                {
                    failures.Add($"{kpi.Definition.Name} {JsonSerializer.Serialize(arguments)}: {ex.Message}\n    {ex.Statement}");
                    continue;
                }
                for (var engine = 1; engine < answers.Length; engine++)
                {
                    if (JsonDifference.Find(answers[0], answers[engine], "$") is { } difference)
                    {
                        failures.Add($"{kpi.Definition.Name} {JsonSerializer.Serialize(arguments)} on {EngineTrio.Engines[engine]}: {difference}");
                    }
                }
                answered += answers[0] is System.Text.Json.Nodes.JsonObject ? 1 : 0;
                cases++;
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} differences:\n" + string.Join("\n", failures.Take(40)));
        // Most cases must produce an answer, not the same refusal on all three engines (revenue KPIs
        // refuse event filters, for example, which is part of what is compared).
        Assert.True(answered >= cases * 0.8, $"only {answered} of {cases} cases produced an answer");
    }
}
