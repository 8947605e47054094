using System.Text.Json;

namespace UsageLens.Cli.Tests;

/// <summary><c>usagelens ask</c> on a small demo workspace, in-process.</summary>
public sealed class AskCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-ask-").FullName;

    private string Db => Path.Combine(_directory, "demo.duckdb");

    private async Task DemoAsync()
    {
        var (exit, _, error) = await CliRun.RunAsync("demo", "--db", Db, "--accounts", "20", "--days", "60", "--no-serve");
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task Json_shows_the_interpretation_the_structured_asks_the_answers_and_the_sql()
    {
        await DemoAsync();

        var (exit, output, error) = await CliRun.RunAsync("ask", "api calls by segment last month", "--db", Db, "--format", "json", "--as-of", "2026-11-15");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("api_call · sum · 2026-10-01 to 2026-11-01 · all accounts · by segment", root.GetProperty("interpretation").GetString());
        Assert.Equal("bar", root.GetProperty("chart").GetString());
        Assert.Equal("usage", root.GetProperty("answers")[0].GetProperty("kpi").GetString());
        Assert.True(root.GetProperty("answers")[0].GetProperty("rows").GetArrayLength() > 0);
        Assert.True(root.GetProperty("sql").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_unknown_term_exits_1_with_the_error_and_suggestions_as_json()
    {
        await DemoAsync();

        var (exit, output, _) = await CliRun.RunAsync("ask", "cals last month", "--db", Db, "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.StartsWith("unknown term 'cals'", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("api_call", json.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_table_format_prints_the_interpretation_and_the_sql()
    {
        await DemoAsync();

        var (exit, output, error) = await CliRun.RunAsync("ask", "nrr this year", "--db", Db, "--as-of", "2026-11-15");

        Assert.True(exit == 0, error);
        // The console wraps long lines; read the words back as one line.
        var text = string.Join(' ', output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Understood as: nrr · net revenue retention · 2026-01-01 to 2026-11-15 · all accounts", text, StringComparison.Ordinal);
        Assert.Contains("SELECT", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_prints_accuracy_per_category_and_fails_below_the_threshold()
    {
        await DemoAsync();
        var file = Path.Combine(_directory, "eval.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"category":"time","question":"api calls last month","expect":[{"kpi":"usage","metric":"api_call","from":"2026-10-01","to":"2026-11-01"}]}""",
            """{"category":"time","question":"api calls this month","expect":[{"kpi":"usage","metric":"api_call","from":"2026-11-01","to":"2026-11-14"}]}""",
        ]);

        var (exit, output, _) = await CliRun.RunAsync("ask", "--eval", file, "--db", Db);

        // The second expectation is wrong on purpose (this month runs to 2026-11-15): 1 of 2 is 50%.
        Assert.Equal(1, exit);
        Assert.Contains("50.0%", output, StringComparison.Ordinal);
        Assert.Contains("below the thresholds", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
