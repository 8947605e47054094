using System.Text.Json.Nodes;
using UsageLens.Core;
using UsageLens.Core.Accounts;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Tests.Support;

namespace UsageLens.Storage.ClickHouse.Tests.Equivalence;

/// <summary>
/// Periods with no data (a new workspace, a filter nothing matches) answer every KPI as on DuckDB.
/// ClickHouse aggregates over no rows give 0 and 1970-01-01 where SQL gives NULL.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class EmptyWorkspaceTests(ClickHouseServers servers)
{
    [SkippableFact]
    public async Task Every_kpi_answers_a_period_without_data_as_duckdb_does()
    {
        ClickHouseRequirement.Check();
        using var pair = await EnginePair.OpenAsync(servers.SingleDatabase());
        // Meters, properties and profiles exist, but every event is a year before the periods asked about.
        var old = new DateTime(2025, 6, 2, 10, 0, 0, DateTimeKind.Utc);
        await pair.WriteAsync(new IngestBatch(
            [
                new("1", "", old, "a1", "u1", "api_call", 3, "count", "core", "paid", """{"format":"csv"}""", null),
                new("2", "", old, "a2", "u2", "login", 1, "count", "core", "paid", null, null),
                new("3", "", old, "a2", "u2", "export", 1, "count", "core", "trial", """{"format":"pdf"}""", null),
                new("4", "", old, "a1", "u1", "report_generated", 1, "count", null, null, null, null),
            ],
            [SampleEvents.Account("a1", "smb"), SampleEvents.Account("a2", "enterprise")],
            [new UserUpsert("u1", "a1", null, old, null), new UserUpsert("u2", "a2", null, old, null)]));
        var failures = new List<string>();
        var answered = 0;
        foreach (var kpi in KpiCatalog.All)
        {
            foreach (var arguments in KpiCases.For(kpi.Definition))
            {
                var expected = await AnswerAsync(pair.Duck, kpi, arguments);
                var actual = await AnswerAsync(pair.ClickHouseReader, kpi, arguments);
                answered += expected is JsonObject ? 1 : 0;
                if (JsonDifference.Find(expected, actual, "$") is { } difference)
                {
                    failures.Add($"{kpi.Definition.Name} {System.Text.Json.JsonSerializer.Serialize(arguments)}: {difference}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} differences:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(answered > 100, $"only {answered} cases produced an answer");
    }

    private static async Task<JsonNode?> AnswerAsync(IQueryStore store, IKpi kpi, KpiArguments arguments)
    {
        try
        {
            var context = await KpiContext.CreateAsync(store, default);
            var request = arguments.Resolve(kpi.Definition, context.Model, EngineTrio.Today, AccountScope.All);
            return JsonNode.Parse(KpiJson.Serialize(await kpi.ComputeAsync(request, context, default)));
        }
        catch (UsageLensException ex)
        {
            return JsonValue.Create("error: " + ex.Message);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or Http.ClickHouseException or NullReferenceException or InvalidOperationException)
        {
            return JsonValue.Create($"crash: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
