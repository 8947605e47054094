using UsageLens.Alerts;
using UsageLens.Core.Storage;
using UsageLens.Reports;

namespace UsageLens.Server.Reports;

/// <summary>The server's scheduled-report runner, recording into the workspace, and the HTTP client its webhooks use, which it owns and disposes.</summary>
internal sealed class ReportServices : IDisposable
{
    private readonly HttpClient _client = WebhookSender.CreateClient();

    public ReportServices(IWorkspaceStore workspace, TimeProvider clock) =>
        Runner = new ReportRunner(workspace.ReportRuns, new WebhookSender(_client, WebhookRetry.Default, clock), clock);

    public ReportRunner Runner { get; }

    public void Dispose() => _client.Dispose();
}
