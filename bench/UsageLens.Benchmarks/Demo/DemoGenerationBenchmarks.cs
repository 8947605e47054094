using BenchmarkDotNet.Attributes;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Storage.DuckDb;

namespace UsageLens.Benchmarks.Demo;

/// <summary>
/// Demo generation against the fastest insert DuckDB can do here: the same number of constant rows
/// from <c>range(n)</c> into the same events table. The Ratio column is demo time ÷ baseline time,
/// for an in-memory workspace and for a workspace file (what <c>usagelens demo</c> writes).
/// </summary>
[Config(typeof(DemoBenchmarkConfig))]
public class DemoGenerationBenchmarks
{
    public static readonly DemoOptions Options = new(new DateOnly(2026, 11, 15));

    private const string ConstantRows = """
        INSERT INTO events (source, id, timestamp, account_id, user_id, event, quantity, unit,
                            product, classification, properties, original_event, ingested_at)
        SELECT '', 'demo-42-' || CAST(range AS VARCHAR), TIMESTAMP '2026-10-01 12:00:00', 'acct-0001', 'usr-0001-001',
               'api_call', 1, 'count', 'platform-api', 'core', NULL, NULL, TIMESTAMP '2026-10-01 12:00:00'
        FROM range($1)
        """;

    private DemoScenario _scenario = null!;
    private DuckDbWorkspace _workspace = null!;
    private string? _file;

    [Params("memory", "file")]
    public string Workspace { get; set; } = "memory";

    [GlobalSetup]
    public void BuildScenario() => _scenario = DemoScenario.Build(Options);

    [IterationSetup]
    public void OpenWorkspace()
    {
        _file = Workspace == "file" ? Path.Combine(Path.GetTempPath(), $"usagelens-bench-{Guid.NewGuid():N}.duckdb") : null;
        _workspace = DuckDbWorkspace.Open(_file ?? ":memory:");
    }

    [IterationCleanup]
    public void CloseWorkspace()
    {
        _workspace.Dispose();
        if (_file is not null)
        {
            File.Delete(_file);
            File.Delete(_file + ".wal");
        }
    }

    [Benchmark(Baseline = true, Description = "constant rows from range(n)")]
    public long ConstantRowInsert()
    {
        using var connection = _workspace.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var rows = DuckDbCommands.Execute(connection, ConstantRows, _scenario.EventCount);
        transaction.Commit();
        return rows;
    }

    [Benchmark(Description = "demo: write planned scenario")]
    public long DemoWrite() => new DemoWriter(_workspace).Write(_scenario);

    [Benchmark(Description = "demo: plan + write")]
    public long DemoPlanAndWrite() => new DemoWriter(_workspace).Write(DemoScenario.Build(Options));
}
