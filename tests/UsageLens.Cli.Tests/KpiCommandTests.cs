using System.Text.Json;
using UsageLens.Core.Accounts;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Cli.Tests;

public sealed class KpiCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-cli-").FullName;

    private string Db => Path.Combine(_directory, "w.duckdb");

    private async Task SeedAsync()
    {
        // Three accounts by revenue c > b > a; October usage a=10, b=30, c=60; September c=20, a=20.
        using var workspace = DuckDbWorkspace.Open(Db);
        using var store = new DuckDbIngestionStore(workspace);
        var accounts = new[] { ("a", 100d, "smb"), ("b", 200d, "smb"), ("c", 300d, "enterprise") }
            .Select(a => new AccountUpsert(a.Item1, new Dictionary<AccountField, object?> { [AccountField.Revenue] = a.Item2, [AccountField.Segment] = a.Item3 }, null))
            .ToList();
        var events = new[] { ("a", 10, 10), ("b", 30, 10), ("c", 60, 10), ("c", 20, 9), ("a", 20, 9) }
            .Select((e, i) => new UsageEvent($"e{i}", "", new DateTime(2026, e.Item3, 5, 8, 0, 0, DateTimeKind.Utc), e.Item1, null, "api_call", e.Item2, "count", null, null, null, null))
            .ToList();
        await store.WriteAsync(new IngestBatch(events, accounts, []), default);
    }

    [Fact]
    public async Task Json_output_follows_cli_md()
    {
        await SeedAsync();

        var (exit, output, _) = await CliRun.RunAsync("kpi", "top-customer-share", "--metric", "api_call", "--period", "last-month", "--top", "1", "--db", Db, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("top-customer-share", root.GetProperty("kpi").GetString());
        Assert.Equal("2026-10-01T00:00:00Z", root.GetProperty("from").GetString());
        Assert.Equal("2026-11-01T00:00:00Z", root.GetProperty("to").GetString());
        Assert.Equal(60.0, root.GetProperty("value").GetDouble());
        Assert.Equal("percent", root.GetProperty("unit").GetString());
        Assert.Equal(60, root.GetProperty("parts").GetProperty("top_usage").GetDouble());
        Assert.Equal(100, root.GetProperty("parts").GetProperty("total_usage").GetDouble());
        Assert.Equal(300, root.GetProperty("parts").GetProperty("cutoff").GetDouble());
        Assert.Equal(50.0, root.GetProperty("previous").GetProperty("value").GetDouble()); // September: c made 20 of 40
        Assert.Equal(["c"], root.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Group_by_adds_rows_and_csv_prints_them()
    {
        await SeedAsync();

        var (exit, output, _) = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--group-by", "segment", "--db", Db, "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(["segment,value", "enterprise,60", "smb,40"], output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Every_common_kpi_parameter_is_an_option_of_the_kpi_command()
    {
        using var output = new StringWriter();
        var command = Commands.KpiCommand.Create(new CliEnvironment(output, output, TimeProvider.System));
        var names = command.Options.Select(o => o.Name).ToHashSet();

        // The spellings cli.md and the README document, written out by hand.
        string[] expected = ["--metric", "--from", "--to", "--period", "--grain", "--group-by", "--where", "--top", "--top-where", "--rank-by", "--variant", "--no-previous"];
        Assert.All(expected, o => Assert.Contains(o, names));
        Assert.Equal(expected.Length, Core.Kpis.KpiParameters.All.Count);
    }

    [Fact]
    public async Task Repeated_filters_a_breakdown_and_no_previous_are_read_through_the_shared_parameters()
    {
        await SeedAsync();

        var (exit, output, _) = await CliRun.RunAsync(
            "kpi", "usage", "--metric", "api_call", "--from", "2026-10-01", "--to", "2026-11-01", "--where", "segment=smb", "--where", "revenue>=150",
            "--group-by", "segment", "--no-previous", "--db", Db, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(30.0, root.GetProperty("value").GetDouble()); // only b is smb with revenue 200 ≥ 150
        Assert.False(root.TryGetProperty("previous", out var previous) && previous.ValueKind != JsonValueKind.Null);
        Assert.Equal(["smb"], root.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("segment").GetString()));
    }

    [Fact]
    public async Task The_json_list_gives_each_kpis_question_synonyms_and_how_it_takes_a_metric()
    {
        var (exit, output, _) = await CliRun.RunAsync("kpi", "--list", "--db", Db, "--format", "json");

        Assert.Equal(0, exit);
        var kpis = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("kpi", out _)).ToDictionary(e => e.GetProperty("kpi").GetString()!);
        Assert.Contains("net dollar retention", kpis["nrr"].GetProperty("synonyms").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(
            ("measured", "option:feature", "none"),
            (kpis["usage"].GetProperty("metric").GetString(), kpis["feature-adoption"].GetProperty("metric").GetString(), kpis["mrr"].GetProperty("metric").GetString()));
    }

    [Fact]
    public async Task A_bad_value_is_bad_input_with_exit_1_and_one_line()
    {
        await SeedAsync();

        var (exit, _, error) = await CliRun.RunAsync("kpi", "usage", "--metric", "api_calls", "--db", Db);

        Assert.Equal(1, exit);
        Assert.Equal("error: unknown metric 'api_calls' (did you mean 'api_call'?)", error.Trim());
    }

    [Fact]
    public async Task An_option_the_kpi_does_not_take_is_refused_by_name()
    {
        await SeedAsync();

        var (exit, _, error) = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--option", "window=28", "--db", Db);

        Assert.Equal(1, exit);
        Assert.Equal("error: usage has no option 'window': it takes none", error.Trim());
    }

    [Theory]
    [InlineData("kpi", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("kpi", "usage", "--format", "xml")]
    public async Task Bad_usage_exits_with_2(params string[] args)
    {
        var (exit, _, error) = await CliRun.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_workspace_is_reported_not_created()
    {
        var (exit, _, error) = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--db", Db);

        Assert.Equal(1, exit);
        Assert.Contains("no workspace at", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
