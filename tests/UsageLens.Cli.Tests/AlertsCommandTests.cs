using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UsageLens.Alerts.Tests;
using UsageLens.Core.Events;
using UsageLens.Core.Storage;
using UsageLens.Storage.DuckDb;
using UsageLens.Storage.DuckDb.Ingestion;

namespace UsageLens.Cli.Tests;

public sealed class AlertsCommandTests : IDisposable
{
    private const string Secret = "cli-test-secret-0123456789";
    private static readonly DateOnly s_spike = new(2026, 10, 14);

    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-cli-alerts-").FullName;

    private string Db => Path.Combine(_directory, "w.duckdb");

    // Account a: 100 calls each weekday and 30 each weekend day from 3 August to 31 October, 1,000 on 14 October.
    private async Task SeedAsync(Uri hook)
    {
        using (var workspace = DuckDbWorkspace.Open(Db))
        using (var store = new DuckDbIngestionStore(workspace))
        {
            var events = new List<UsageEvent>();
            for (var day = new DateOnly(2026, 8, 3); day < new DateOnly(2026, 11, 1); day = day.AddDays(1))
            {
                var calls = day == s_spike ? 1000 : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 30 : 100;
                events.Add(new UsageEvent($"e{day:yyyyMMdd}", "", day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), "a", null, "api_call", calls, "count", null, null, null, null));
            }
            await store.WriteAsync(IngestBatch.OfEvents(events), default);
        }
        await File.WriteAllTextAsync(Path.Combine(_directory, "usagelens.yaml"), $$"""
            alerts:
              calls-low:
                kind: threshold
                schedule: "0 7 * * *"
                kpi: usage
                metric: api_call
                period: last-7-days
                below: 600
                webhooks: [{ name: receiver, url: "{{hook}}", secret: "{{Secret}}" }]
              spikes:
                kind: anomaly
                schedule: "0 * * * *"
                metric: api_call
                recent_days: 30
                webhooks: [{ name: receiver, url: "{{hook}}", secret: "{{Secret}}" }]
              switched-off:
                kind: churn-risk
                schedule: "0 6 * * 1"
                above: 0.5
                enabled: false
                webhooks: [{ name: receiver, url: "{{hook}}", secret: "{{Secret}}" }]
            """);
    }

    [Fact]
    public async Task Alerts_run_delivers_each_firing_once_signed_and_alerts_log_lists_the_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await SeedAsync(receiver.Url);

        var dry = await CliRun.RunAsync("alerts", "run", "--dry-run", "--as-of", "2026-11-01", "--db", Db);
        var run = await CliRun.RunAsync("alerts", "run", "--as-of", "2026-11-01", "--db", Db, "--format", "json");
        var again = await CliRun.RunAsync("alerts", "run", "--as-of", "2026-11-01", "--db", Db);
        var log = await CliRun.RunAsync("alerts", "log", "--db", Db, "--format", "json");

        Assert.True(dry.Exit == 0, dry.Error);
        // By hand: 25–31 October 2026 is Sunday to Saturday, 30 + 5 × 100 + 30 = 560 calls, below 600; and the
        // spike of 14 October, (1,000 − 100) / 10 = 90 (as in InsightsCommandTests), is within the last 30 days.
        Assert.Contains("calls-low (threshold) as of 2026-11-01: would fire 1", dry.Out, StringComparison.Ordinal);
        Assert.Contains("is 560 ", dry.Out, StringComparison.Ordinal);
        Assert.Contains("spikes (anomaly) as of 2026-11-01: would fire 1", dry.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("switched-off", dry.Out, StringComparison.Ordinal);
        Assert.True(run.Exit == 0, run.Error);
        using var runs = JsonDocument.Parse(run.Out);
        Assert.Equal(["calls-low", "spikes"], runs.RootElement.EnumerateArray().Select(r => r.GetProperty("rule").GetString()));
        Assert.Equal("a|api_call|2026-10-14|anomaly", runs.RootElement[1].GetProperty("firings")[0].GetProperty("subject").GetString());
        // Two firings, each delivered once and signed with the secret; the dry run sent nothing, the second run nothing new.
        var requests = receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        foreach (var request in requests)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
            Assert.Equal("sha256=" + string.Concat(hmac.ComputeHash(request.Body).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))), request.Headers["X-UsageLens-Signature"]);
        }
        Assert.True(again.Exit == 0, again.Error);
        Assert.Contains("calls-low (threshold) as of 2026-11-01: fired 0", again.Out, StringComparison.Ordinal);
        Assert.True(log.Exit == 0, log.Error);
        using var deliveries = JsonDocument.Parse(log.Out);
        Assert.Equal([("calls-low", "delivered", 1), ("spikes", "delivered", 1)],
            deliveries.RootElement.EnumerateArray().Select(d => (d.GetProperty("rule").GetString(), d.GetProperty("status").GetString(), d.GetProperty("attempts").GetInt32())));
        Assert.True(File.Exists(Path.Combine(_directory, "usagelens-alerts.jsonl")));
    }

    [Fact]
    public async Task An_unknown_rule_is_refused_with_the_rules_named()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await SeedAsync(receiver.Url);

        var (exit, _, error) = await CliRun.RunAsync("alerts", "run", "--rule", "calls-lo", "--db", Db);

        Assert.Equal(1, exit);
        Assert.Contains("--rule: no alert rule 'calls-lo'", error, StringComparison.Ordinal);
        Assert.Contains("the rules are calls-low, spikes, switched-off", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
