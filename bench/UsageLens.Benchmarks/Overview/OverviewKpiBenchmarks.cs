using BenchmarkDotNet.Attributes;
using UsageLens.Core.Kpis;
using UsageLens.Core.Querying;
using UsageLens.Core.Semantics;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Benchmarks.Overview;

/// <summary>
/// The overview page's KPI requests on the 20M-event workspace file, each answered as the server
/// answers it (read the catalog, plan, run, previous period included): through the daily rollups,
/// and through the raw events as the baseline. Tiles marked "(reference)" are not on the page yet.
/// </summary>
[Config(typeof(OverviewBenchmarkConfig))]
public class OverviewKpiBenchmarks
{
    private DuckDbWorkspace _workspace = null!;
    private DuckDbQueryStore _store = null!;

    [ParamsSource(nameof(Tiles))]
    public OverviewTile Tile { get; set; } = null!;

    // The same requests as src/UsageLens.Server/wwwroot/app.js.
    public static IEnumerable<OverviewTile> Tiles() =>
    [
        new("api calls, 30 days", "usage", new KpiArguments { Metric = "api_call", Period = "last-30-days" }),
        new("top 20% share", "top-customer-share", new KpiArguments { Metric = "api_call", Period = "last-30-days", Top = "20%", RankBy = "revenue" }),
        new("active accounts", "usage", new KpiArguments { Metric = "accounts(api_call)", Period = "last-30-days" }),
        new("active users", "usage", new KpiArguments { Metric = "users(login)", Period = "last-30-days" }),
        new("90-day trend", "usage", new KpiArguments { Metric = "api_call", Period = "last-90-days", Grain = "day" }),
        // Not on the overview page yet: the engagement headlines, measured for reference.
        new("mau (reference)", "active-users", new KpiArguments { Period = "last-30-days" }),
        new("stickiness (reference)", "stickiness", new KpiArguments { Period = "last-30-days" }),
    ];

    [GlobalSetup]
    public void Open()
    {
        _workspace = BenchmarkWorkspace.Open();
        _store = new DuckDbQueryStore(_workspace);
    }

    [GlobalCleanup]
    public void Close() => _workspace.Dispose();

    [Benchmark(Baseline = true, Description = "raw events")]
    public Task<double?> RawEvents() => AnswerAsync(EventReads.RawEvents);

    [Benchmark(Description = "daily rollups")]
    public Task<double?> Rollups() => AnswerAsync(EventReads.Rollups);

    private async Task<double?> AnswerAsync(EventReads reads)
    {
        var catalog = await _store.GetCatalogAsync(default).ConfigureAwait(false);
        var context = new KpiContext(_store, new SemanticModel(catalog)) { Reads = reads };
        var kpi = KpiCatalog.Find(Tile.Kpi);
        var request = Tile.Arguments.Resolve(kpi.Definition, context.Model, BenchmarkWorkspace.Today, AccountScope.All);
        return (await kpi.ComputeAsync(request, context, default).ConfigureAwait(false)).Value;
    }
}
