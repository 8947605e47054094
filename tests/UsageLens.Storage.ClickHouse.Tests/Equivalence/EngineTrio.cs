using System.Text.Json.Nodes;
using UsageLens.Core;
using UsageLens.Core.Configuration;
using UsageLens.Core.Finance;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.ClickHouse.Migration;
using UsageLens.Storage.ClickHouse.Querying;
using UsageLens.Storage.ClickHouse.Tests.Support;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Storage.ClickHouse.Tests.Equivalence;

/// <summary>
/// One seeded demo workspace on three engines: DuckDB, a single ClickHouse server and the two-shard
/// cluster, the ClickHouse ones filled by <see cref="WorkspaceMigration"/> from the DuckDB one.
/// </summary>
internal sealed class EngineTrio : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 15);

    /// <summary>Rate plans for the demo's plans, so usage-charges has something to price.</summary>
    public static readonly WorkspaceConfiguration Plans = new(new Dictionary<string, RatePlan>
    {
        ["starter"] = new("starter", new Dictionary<string, MeterPrice> { ["api_call"] = new(1000, 0.01, TierMode.Graduated, []) }),
        ["growth"] = new("growth", new Dictionary<string, MeterPrice>
        {
            ["api_call"] = new(5000, null, TierMode.Volume, [new PriceTier(10_000, 0.008), new PriceTier(null, 0.005)]),
        }),
    });

    private static readonly SemaphoreSlim s_sharedLock = new(1, 1);
    private static EngineTrio? s_shared;

    private readonly DuckDbWorkspace _duck;
    private readonly ClickHouseWorkspace _single;
    private readonly ClickHouseWorkspace _cluster;

    private EngineTrio(DuckDbWorkspace duck, ClickHouseWorkspace single, ClickHouseWorkspace cluster, KpiContext[] contexts)
    {
        _duck = duck;
        _single = single;
        _cluster = cluster;
        Contexts = contexts;
    }

    /// <summary>The query store of each engine, in the order of <see cref="Engines"/>.</summary>
    public IReadOnlyList<IQueryStore> Stores { get; private init; } = [];

    /// <summary>
    /// The seeded demo (40 accounts × 150 days) on the three engines, loaded once per test run and
    /// shared by the KPI and question equivalence tests; it lives until the process ends.
    /// </summary>
    public static async Task<EngineTrio> SharedAsync(ClickHouseServers servers)
    {
        await s_sharedLock.WaitAsync();
        try
        {
            return s_shared ??= await CreateAsync(servers, new DemoOptions(Today, Accounts: 40, Days: 150, Seed: 11), Plans);
        }
        finally
        {
            s_sharedLock.Release();
        }
    }

    /// <summary>DuckDB, single ClickHouse, cluster, in that order.</summary>
    public IReadOnlyList<KpiContext> Contexts { get; }

    public static readonly string[] Engines = ["duckdb", "clickhouse", "cluster"];

    public static async Task<EngineTrio> CreateAsync(ClickHouseServers servers, DemoOptions options, WorkspaceConfiguration configuration)
    {
        var duck = DuckDbWorkspace.Open(":memory:");
        new DemoWriter(duck).Write(DemoScenario.Build(options));
        var source = new DuckDbQueryStore(duck);
        var single = await ClickHouseWorkspace.OpenAsync(servers.SingleDatabase(), default);
        var cluster = await ClickHouseWorkspace.OpenAsync(servers.ClusterDatabase(), default);
        foreach (var target in new[] { single, cluster })
        {
            await new WorkspaceMigration(source, target, TimeProvider.System) { BlockSize = 20_000 }.RunAsync(null, default);
        }
        IQueryStore[] stores = [source, new ClickHouseQueryStore(single), new ClickHouseQueryStore(cluster)];
        var contexts = new KpiContext[stores.Length];
        for (var i = 0; i < stores.Length; i++)
        {
            contexts[i] = await KpiContext.CreateAsync(stores[i], default, configuration);
        }
        return new EngineTrio(duck, single, cluster, contexts) { Stores = stores };
    }

    /// <summary>The KPI's JSON on every engine, or the error each gave.</summary>
    public async Task<JsonNode?[]> AnswersAsync(string name, KpiArguments arguments)
    {
        var answers = new JsonNode?[Contexts.Count];
        for (var i = 0; i < Contexts.Count; i++)
        {
            answers[i] = await OneAsync(name, arguments, Contexts[i]);
        }
        return answers;
    }

    private static async Task<JsonNode?> OneAsync(string name, KpiArguments arguments, KpiContext context)
    {
        try
        {
            var kpi = KpiCatalog.Find(name);
            var request = arguments.Resolve(kpi.Definition, context.Model, Today, AccountScope.All);
            return JsonNode.Parse(KpiJson.Serialize(await kpi.ComputeAsync(request, context, default)));
        }
        catch (UsageLensException ex)
        {
            return JsonValue.Create("error: " + ex.Message);
        }
    }

    public void Dispose()
    {
        _duck.Dispose();
        _single.Dispose();
        _cluster.Dispose();
    }
}
