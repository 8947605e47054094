using BenchmarkDotNet.Attributes;
using UsageLens.Benchmarks.Overview;
using UsageLens.Core.Kpis;
using UsageLens.Core.Semantics;
using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Querying;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Benchmarks.Engines;

/// <summary>
/// The overview page's KPI requests on the 20M-event workspace, answered by DuckDB (the baseline), one
/// ClickHouse server and a two-shard ClickHouse cluster, each as the server answers it: read the
/// catalog, plan, run, previous period included.
/// </summary>
[Config(typeof(EngineBenchmarkConfig))]
public class EngineOverviewBenchmarks
{
    private IQueryStore _duck = null!;
    private IQueryStore _single = null!;
    private IQueryStore _cluster = null!;

    [ParamsSource(nameof(Tiles))]
    public OverviewTile Tile { get; set; } = null!;

    public static IEnumerable<OverviewTile> Tiles() => OverviewKpiBenchmarks.Tiles();

    [GlobalSetup]
    public void Open()
    {
        var engines = BenchmarkEngines.Instance.GetAwaiter().GetResult();
        _duck = new DuckDbQueryStore(engines.Duck);
        _single = new ClickHouseQueryStore(engines.Single);
        _cluster = new ClickHouseQueryStore(engines.Cluster);
    }

    [Benchmark(Baseline = true, Description = "DuckDB")]
    public Task<double?> DuckDb() => AnswerAsync(_duck);

    [Benchmark(Description = "ClickHouse")]
    public Task<double?> ClickHouse() => AnswerAsync(_single);

    [Benchmark(Description = "ClickHouse 2 shards")]
    public Task<double?> Cluster() => AnswerAsync(_cluster);

    private async Task<double?> AnswerAsync(IQueryStore store)
    {
        var catalog = await store.GetCatalogAsync(default).ConfigureAwait(false);
        var context = new KpiContext(store, new SemanticModel(catalog));
        var kpi = KpiCatalog.Find(Tile.Kpi);
        var request = Tile.Arguments.Resolve(kpi.Definition, context.Model, BenchmarkWorkspace.Today, AccountScope.All);
        return (await kpi.ComputeAsync(request, context, default).ConfigureAwait(false)).Value;
    }
}
