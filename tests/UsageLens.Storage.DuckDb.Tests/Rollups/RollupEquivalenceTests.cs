using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using UsageLens.Core.Events;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;

namespace UsageLens.Storage.DuckDb.Tests.Rollups;

/// <summary>
/// Every KPI in the catalogue, with its options, grains, breakdowns and filters, must give the
/// same answer through the daily rollups as through the raw events: counts exactly, fractions
/// within 1e-9 relative.
/// </summary>
public sealed class RollupEquivalenceTests
{
    private static readonly string[] s_eventNames = ["api_call", "login", "export", "storage_used"];
    private static readonly string?[] s_products = [null, "core", "analytics"];

    // Account 0-4 (a4 is not in the CRM), user 0-7 or none, any minute from Aug 1 to Nov 20, and a quantity.
    private static readonly Gen<UsageEvent[]> s_events =
        Gen.Select(Gen.Int[0, 4], Gen.Int[-1, 7], Gen.Int[0, 111 * 1440], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[1, 40])
            .Array[1, 60]
            .Select(rows => rows.Select((r, i) => Event(i, r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6))
                // Every meter exists in every workspace, so a case is never refused for naming an unknown event.
                .Concat(s_eventNames.Select((_, i) => Event(1000 + i, 0, 0, 60 * 24 * 40, i, 0, 1))).ToArray());

    private static readonly KpiArguments[] s_common =
    [
        new(),
        new() { Period = "last-30-days" },
        new() { From = "2026-09-01", To = "2026-11-01", Grain = "week" },
        new() { From = "2026-08-01", To = "2026-11-01", Grain = "month", GroupBy = ["segment"] },
        new() { Where = ["segment!=smb"] },
        new() { Where = ["product=core"] },
        new() { Where = ["user_id!=u1"] },
        new() { Where = ["account_id=a4"] },
        new() { Period = "last-month", GroupBy = ["account_id"] },
    ];

    private static readonly Dictionary<string, KpiArguments[]> s_specific = new()
    {
        ["usage"] = [.. new[] { "api_call", "count(login)", "users(api_call)", "accounts(export)", "storage_used" }.Select(m => new KpiArguments { Metric = m, From = "2026-08-01", To = "2026-11-15", Grain = "day" }),
            new() { Metric = "users(login)", GroupBy = ["product"] }, new() { Metric = "count(api_call)", GroupBy = ["user_id"], Where = ["product!=analytics"] }],
        ["top-customer-share"] = [new() { Top = "50%" }, new() { Top = "2", RankBy = "count(api_call)", Grain = "week", From = "2026-10-01", To = "2026-11-01" }, new() { Top = "60%", Variant = "revenue-weighted" }],
        ["concentration"] = [new() { Top = "2" }],
        ["active-users"] = [new() { Options = ["measure=dau"] }, new() { Options = ["measure=wau", "window=10"] }, new() { Options = ["mode=calendar"], Grain = "week" }],
        ["stickiness"] = [new() { Variant = "rolling" }],
        ["retention"] = [new() { From = "2026-08-01", To = "2026-11-01", Grain = "month" }, new() { From = "2026-08-01", To = "2026-11-01", Grain = "week", Options = ["entity=accounts", "mode=on-or-after"] }],
        ["feature-adoption"] = [new() { Options = ["feature=export"] }, new() { Options = ["feature=export", "level=accounts"], Grain = "week" }],
        ["sessions"] = [new() { Options = ["gap=90"] }],
        ["cltv"] = [new() { Options = ["gross-margin=80"] }],
    };

    [Fact]
    public void Every_kpi_answers_the_same_through_the_rollups_as_through_the_raw_events()
    {
        Gen.Select(s_events, Gen.Int[1, 4]).Sample(sample =>
        {
            var (events, batches) = sample;
            using var workspace = RollupWorkspace.CreateAsync(events, batches).GetAwaiter().GetResult();
            var answered = 0;
            foreach (var kpi in KpiCatalog.All)
            {
                foreach (var arguments in Cases(kpi.Definition))
                {
                    var (rollups, raw) = workspace.BothAsync(kpi.Definition.Name, arguments).GetAwaiter().GetResult();
                    var difference = Difference(rollups, raw, "$");
                    Assert.True(difference is null, $"{kpi.Definition.Name} {JsonSerializer.Serialize(arguments)}: {difference}");
                    answered += rollups is JsonObject ? 1 : 0;
                }
            }
            // Most cases must produce an answer (not the same error twice), and many must have read a rollup.
            Assert.InRange(answered, 200, 255);
            Assert.InRange(workspace.RollupStatements, 300, 2000);
        }, iter: 6, threads: 1);
    }

    [Fact]
    public void Each_accounts_active_users_and_last_active_day_are_the_same_through_the_monthly_rollup_as_through_the_raw_events()
    {
        // Periods that cut a month at either end, span whole months, or lie inside one; with and without a filter.
        Period[] periods =
        [
            new(Utc(2026, 8, 15), Utc(2026, 9, 14)),
            new(Utc(2026, 9, 1), Utc(2026, 11, 1)),
            new(Utc(2026, 10, 16), Utc(2026, 11, 15)),
            new(Utc(2026, 10, 3), Utc(2026, 10, 5)),
        ];
        Gen.Select(s_events, Gen.Int[1, 4]).Sample(sample =>
        {
            var (events, batches) = sample;
            using var workspace = RollupWorkspace.CreateAsync(events, batches).GetAwaiter().GetResult();
            foreach (var period in periods)
            {
                foreach (var where in new[] { Array.Empty<string>(), ["product=core"], ["segment!=smb"] })
                {
                    var (rollups, raw) = workspace.AccountActivityBothAsync(period, where).GetAwaiter().GetResult();
                    Assert.Equal(raw.OrderBy(a => a.Key, StringComparer.Ordinal), rollups.OrderBy(a => a.Key, StringComparer.Ordinal));
                }
            }
        }, iter: 10, threads: 1);
    }

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_comparison_notices_a_changed_count_and_a_changed_fraction()
    {
        Assert.NotNull(Difference(JsonNode.Parse("""{"value":3}"""), JsonNode.Parse("""{"value":4}"""), "$"));
        Assert.NotNull(Difference(JsonNode.Parse("""{"value":0.5}"""), JsonNode.Parse("""{"value":0.5000001}"""), "$"));
        Assert.NotNull(Difference(JsonNode.Parse("""{"rows":[1]}"""), JsonNode.Parse("""{"rows":[1,2]}"""), "$"));
        Assert.Null(Difference(JsonNode.Parse("""{"value":0.1}"""), JsonNode.Parse("""{"value":0.10000000000000002}"""), "$"));
    }

    private static IEnumerable<KpiArguments> Cases(KpiDefinition definition)
    {
        var required = definition.Name == "feature-adoption" ? new KpiArguments { Options = ["feature=login"] } : new KpiArguments();
        var metric = definition.RequiresMetric ? "api_call" : null;
        foreach (var common in s_common)
        {
            yield return common with { Metric = metric, Options = required.Options };
        }
        foreach (var specific in s_specific.GetValueOrDefault(definition.Name, []))
        {
            yield return specific with { Metric = specific.Metric ?? metric };
        }
    }

    private static UsageEvent Event(int n, int account, int user, int minute, int eventIndex, int product, int quantity)
    {
        var name = s_eventNames[eventIndex];
        var at = new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minute);
        var properties = n % 2 == 0 ? """{"endpoint":"/v1"}""" : """{"endpoint":"/v2"}""";
        return new UsageEvent($"e{n}", "test", at, $"a{account}", user < 0 ? null : $"u{user}", name,
            name == "storage_used" ? quantity / 8d : quantity, name == "storage_used" ? "GB" : "count", s_products[product], null, properties, null);
    }

    /// <summary>The first place two KPI answers differ, or null: numbers within 1e-9 relative, everything else exactly.</summary>
    internal static string? Difference(JsonNode? left, JsonNode? right, string path)
    {
        switch (left, right)
        {
            case (null, null):
                return null;
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (Difference(a[key], b[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    return $"{path}: {a.Count} items against {b.Count}";
                }
                return Enumerable.Range(0, a.Count).Select(i => Difference(a[i], b[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case (JsonValue a, JsonValue b) when a.TryGetValue<double>(out var x) && b.TryGetValue<double>(out var y):
                return x == y || Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y)) ? null : $"{path}: {x} against {y}";
            default:
                return left?.ToJsonString() == right?.ToJsonString() ? null : $"{path}: {left?.ToJsonString()} against {right?.ToJsonString()}";
        }
    }
}
