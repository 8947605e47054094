using System.Text.Json;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Cli.Tests;

public sealed class InsightsCommandTests : IDisposable
{
    private static readonly DateOnly s_first = new(2026, 8, 3);
    private static readonly DateOnly s_spike = new(2026, 10, 14);

    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-cli-").FullName;

    private string Db => Path.Combine(_directory, "w.duckdb");

    // Account a: 100 calls each weekday and 30 each weekend day from 3 August to 31 October, 1,000 on 14 October.
    private static double Calls(DateOnly day) =>
        day == s_spike ? 1000 : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 30 : 100;

    private async Task SeedAsync()
    {
        using var workspace = DuckDbWorkspace.Open(Db);
        using var store = new DuckDbIngestionStore(workspace);
        var events = new List<UsageEvent>();
        for (var day = s_first; day < new DateOnly(2026, 11, 1); day = day.AddDays(1))
        {
            events.Add(new UsageEvent($"e{day:yyyyMMdd}", "", day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), "a", null, "api_call", Calls(day), "count", null, null, null, null));
        }
        await store.WriteAsync(IngestBatch.OfEvents(events), default);
    }

    [Fact]
    public async Task Anomalies_as_csv_list_the_spike_with_its_expected_range()
    {
        await SeedAsync();

        var (exit, output, _) = await CliRun.RunAsync("insights", "anomalies", "--metric", "api_call", "--as-of", "2026-11-01", "--db", Db, "--format", "csv");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("subject,kind,score,metric,day,direction,observed,expected,expected_low,expected_high,severity,baseline_level,new_level,why", lines[0]);
        // Weekdays are 1 and weekends 0.3 of the median day, so the level is 100 with no spread; the
        // spread's floor is 10% of it (10), the range 100 ± 8 × 10 and the spike (1,000 − 100) / 10 = 90.
        Assert.StartsWith("a,anomaly,90,api_call,2026-10-14,spike,1000,100,20,180,90,100,,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task Ask_answers_an_anomaly_question_with_a_table_of_the_findings()
    {
        await SeedAsync();

        var (exit, output, error) = await CliRun.RunAsync("ask", "any unusual spikes in api calls?", "--as-of", "2026-11-01", "--db", Db);

        Assert.True(exit == 0, error);
        // The same finding as the CSV above: a's spike of (1,000 − 100) / 10 = 90 on 14 October, in the findings table.
        var row = output.Split('\n').Single(line => line.Contains("anomaly", StringComparison.Ordinal) && line.Contains(" 90 ", StringComparison.Ordinal));
        Assert.Equal(["a", "anomaly", "90"], row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
        Assert.Contains("1 findings in 1 series", string.Join(' ', output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_as_json_carries_the_monthly_series_before_the_as_of_day()
    {
        await SeedAsync();

        var (exit, output, _) = await CliRun.RunAsync("insights", "trend", "--kpi", "usage", "--metric", "api_call", "--period", "last-3-months", "--as-of", "2026-11-01", "--db", Db, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        double Month(int month)
        {
            var total = 0d;
            for (var day = s_first; day < new DateOnly(2026, 11, 1); day = day.AddDays(1))
            {
                total += day.Month == month ? Calls(day) : 0;
            }
            return total;
        }
        Assert.Equal([Month(8), Month(9), Month(10)], json.RootElement.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
        Assert.Equal("trend", json.RootElement.GetProperty("insight").GetString());
        Assert.False(json.RootElement.TryGetProperty("sql", out var sql) && sql.GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_bad_option_value_and_an_unknown_option_are_bad_input_naming_them()
    {
        await SeedAsync();

        var value = await CliRun.RunAsync("insights", "signals", "-o", "growth=0", "--db", Db);
        var option = await CliRun.RunAsync("insights", "anomalies", "-o", "treshold=5", "--db", Db);

        Assert.Equal(1, value.Exit);
        Assert.StartsWith("error: option growth='0' must be a number from 0.01 to 100", value.Error, StringComparison.Ordinal);
        Assert.Equal(1, option.Exit);
        Assert.StartsWith("error: insight anomalies has no option 'treshold'", option.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
