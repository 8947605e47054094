using System.Text.Json;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Cli.Tests;

public sealed class ReportsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-cli-reports-").FullName;

    private string Db => Path.Combine(_directory, "w.duckdb");

    private string Outbox => Path.Combine(_directory, "outbox");

    // October 2026: account a 100 API calls, b 250; a's 7 calls in November fall outside last month.
    private async Task SeedAsync()
    {
        using (var workspace = DuckDbWorkspace.Open(Db))
        using (var store = new DuckDbIngestionStore(workspace))
        {
            UsageEvent Call(string id, string account, DateTime at, double calls) => new(id, "", at, account, null, "api_call", calls, "count", null, null, null, null);
            await store.WriteAsync(IngestBatch.OfEvents(
            [
                Call("e1", "a", new DateTime(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc), 100),
                Call("e2", "b", new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc), 250),
                Call("e3", "a", new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), 7),
            ]), default);
        }
        await File.WriteAllTextAsync(Path.Combine(_directory, "usagelens.yaml"), $$"""
            reports:
              monthly-usage:
                kind: kpi
                kpi: usage
                metric: api_call
                period: last-month
                group_by: account_id
                schedule: "0 7 1 * *"
                time_zone: Europe/Berlin
                deliver: { folder: "{{Outbox}}" }
              weekly-overview:
                kind: overview
                schedule: "0 7 * * 1"
                enabled: false
                deliver: { folder: "{{Outbox}}" }
            """);
    }

    [Fact]
    public async Task Reports_run_writes_the_kpi_csv_into_the_folder_and_reports_list_shows_the_next_and_last_run()
    {
        await SeedAsync();

        var run = await CliRun.RunAsync("reports", "run", "--db", Db);
        var json = await CliRun.RunAsync("reports", "list", "--db", Db, "--format", "json");
        var kpi = await CliRun.RunAsync("kpi", "usage", "--metric", "api_call", "--period", "last-month", "--group-by", "account_id", "--format", "csv", "--db", Db);

        Assert.True(run.Exit == 0, run.Error);
        // Only the enabled report ran; now is 15 November 2026 09:30Z, so the file is stamped with it.
        Assert.Contains("monthly-usage", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("weekly-overview", run.Out, StringComparison.Ordinal);
        var file = Path.Combine(Outbox, "monthly-usage-20261115-093000Z.csv");
        Assert.Equal(["account_id,value", "a,100", "b,250"], await File.ReadAllLinesAsync(file));
        Assert.Equal(kpi.Out, await File.ReadAllTextAsync(file));
        Assert.True(json.Exit == 0, json.Error);
        using var list = JsonDocument.Parse(json.Out);
        var monthly = list.RootElement[0];
        // 07:00 on 1 December in Berlin (UTC+1) is 06:00Z.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), monthly.GetProperty("next_run").GetDateTimeOffset());
        Assert.Equal(("delivered", new DateTime(2026, 11, 15, 9, 30, 0)), (monthly.GetProperty("last_status").GetString(), monthly.GetProperty("last_run").GetDateTime()));
        Assert.Equal(JsonValueKind.Null, list.RootElement[1].GetProperty("next_run").ValueKind);
    }

    [Fact]
    public async Task An_unknown_report_is_refused_with_the_reports_named()
    {
        await SeedAsync();

        var (exit, _, error) = await CliRun.RunAsync("reports", "run", "monthly-usag", "--db", Db);

        Assert.Equal(1, exit);
        Assert.Contains("no report 'monthly-usag'", error, StringComparison.Ordinal);
        Assert.Contains("the reports are monthly-usage, weekly-overview", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
