using BenchmarkDotNet.Attributes;
using UsageLens.Core.Configuration;
using UsageLens.Core.Semantics;
using UsageLens.Demo;
using UsageLens.Demo.DuckDb;
using UsageLens.Questions;
using UsageLens.Questions.Answers;
using UsageLens.Questions.Evaluation;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Querying;

namespace UsageLens.Benchmarks.Questions;

/// <summary>
/// Parse + plan of every question of samples/questions/eval.jsonl and independent.jsonl beside it: tokenize, read against the
/// vocabulary of a demo workspace (read once, as a server does per request it is cached), build
/// the asks and resolve each through KpiArguments against the semantic model. Nothing runs on the store.
/// </summary>
[Config(typeof(QuestionBenchmarkConfig))]
public class QuestionParseBenchmarks
{
    private static readonly DateOnly s_asOf = new(2026, 11, 15);

    // Every question is its own case in one process: the workspace and its vocabulary are built once.
    private static readonly Lazy<(DuckDbWorkspace Workspace, QuestionParser Parser, AskRunner Planner)> s_setup = new(Build);
    private QuestionParser _parser = null!;
    private AskRunner _planner = null!;

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    public static IEnumerable<string> Questions()
    {
        var development = EvalFile();
        var independent = Path.Combine(Path.GetDirectoryName(development)!, "independent.jsonl");
        var sets = File.Exists(independent) ? [development, independent] : new[] { development };
        return sets.SelectMany(EvalSet.Load).Select(c => c.Question).Distinct(StringComparer.Ordinal);
    }

    [GlobalSetup]
    public void Setup() => (_, _parser, _planner) = s_setup.Value;

    private static (DuckDbWorkspace, QuestionParser, AskRunner) Build()
    {
        var workspace = DuckDbWorkspace.Open(":memory:");
        new DemoWriter(workspace).Write(DemoScenario.Build(new DemoOptions(s_asOf, Accounts: 60, Days: 60, Seed: 42)));
        var store = new DuckDbQueryStore(workspace);
        var parser = QuestionService.ParserAsync(store, WorkspaceConfiguration.Empty, s_asOf, default).GetAwaiter().GetResult();
        var model = new SemanticModel(store.GetCatalogAsync(default).GetAwaiter().GetResult());
        return (workspace, parser, new AskRunner(store, model, WorkspaceConfiguration.Empty, AccountScope.All, s_asOf));
    }

    [Benchmark(Description = "parse + plan")]
    public int ParseAndPlan()
    {
        try
        {
            var planned = 0;
            foreach (var ask in _parser.Parse(Question).Asks)
            {
                planned += _planner.Plan(ask) is null ? 0 : 1;
            }
            return planned;
        }
        catch (QuestionNotUnderstoodException)
        {
            // Refusing a question (unknown word, ambiguity) is part of the work measured.
            return -1;
        }
        catch (UsageLens.Core.UsageLensException)
        {
            return -2;
        }
    }

    private static string EvalFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "questions", "eval.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return Environment.GetEnvironmentVariable("USAGELENS_EVAL") ?? throw new FileNotFoundException("samples/questions/eval.jsonl not found above the benchmark; set USAGELENS_EVAL");
    }
}
