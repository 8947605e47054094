using BenchmarkDotNet.Attributes;
using UsageLens.Cli;

namespace UsageLens.Benchmarks.Engines;

/// <summary>
/// <c>usagelens import events</c> of the 20M-event workspace's events (one Parquet file) into a new
/// DuckDB file, a new database on one ClickHouse server, and a new database on the two-shard cluster:
/// the command a user runs, progress bar and checks included. One cold run per engine.
/// </summary>
[Config(typeof(EngineImportConfig))]
public class EngineImportBenchmarks
{
    /// <summary>The events each import writes.</summary>
    public static long Events => BenchmarkEngines.Instance.GetAwaiter().GetResult().EventCount;

    private BenchmarkEngines _engines = null!;
    private string _parquet = null!;
    private string _target = null!;
    private int _run;

    [Params("DuckDB", "ClickHouse", "ClickHouse 2 shards")]
    public string Engine { get; set; } = null!;

    [GlobalSetup]
    public void Export()
    {
        _engines = BenchmarkEngines.Instance.GetAwaiter().GetResult();
        _parquet = BenchmarkEventsFile.Path(_engines.Duck);
    }

    [IterationSetup]
    public void NewTarget()
    {
        var name = $"import_{Environment.ProcessId}_{++_run}";
        _target = Engine switch
        {
            "DuckDB" => System.IO.Path.Combine(System.IO.Path.GetTempPath(), name + ".duckdb"),
            "ClickHouse" => _engines.Address(cluster: false, name),
            _ => _engines.Address(cluster: true, name),
        };
    }

    [Benchmark]
    public async Task<int> Import()
    {
        string[] target = Engine == "DuckDB" ? ["--db", _target] : ["--store", _target];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(["import", "events", _parquet, .. target], new CliEnvironment(output, error, TimeProvider.System)).ConfigureAwait(false);
        return exit == 0 ? exit : throw new InvalidOperationException($"import failed: {error}");
    }

    [IterationCleanup]
    public void DropTarget()
    {
        if (Engine == "DuckDB")
        {
            File.Delete(_target);
            return;
        }
        BenchmarkEventsFile.DropDatabase(_target);
    }
}
