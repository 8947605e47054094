using UsageLens.Core.Configuration.Alerts;
using UsageLens.Core.Kpis;
using UsageLens.Core.Storage;

namespace UsageLens.Alerts.Tests;

/// <summary>A runner over a fresh log file in a temporary directory, retrying quickly so the tests stay short.</summary>
internal sealed class AlertHarness : IDisposable
{
    public const string Secret = "s3cret-for-the-tests-0123456789";

    private readonly string _directory = Directory.CreateTempSubdirectory("usagelens-alerts-").FullName;
    private readonly HttpClient _client = WebhookSender.CreateClient();

    public AlertHarness()
    {
        Log = new AlertLog(Path.Combine(_directory, "usagelens-alerts.jsonl"));
        Runner = new AlertRunner(Log, new WebhookSender(_client, new WebhookRetry(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5)), TimeProvider.System), TimeProvider.System);
    }

    public AlertLog Log { get; }

    public AlertRunner Runner { get; }

    public static WebhookTarget Target(Uri url) => new("receiver", url, Secret);

    public static async Task<AlertRuleRun> RunAsync(AlertRunner runner, AlertRule rule, IWorkspaceStore store, DateOnly asOf, bool dryRun = false) =>
        await runner.RunAsync(rule, await KpiContext.CreateAsync(store.Queries, CancellationToken.None), asOf, dryRun, CancellationToken.None);

    public void Dispose()
    {
        _client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
