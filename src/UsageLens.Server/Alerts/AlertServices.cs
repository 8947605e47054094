using UsageLens.Alerts;

namespace UsageLens.Server.Alerts;

/// <summary>The server's alert runner and the HTTP client it delivers with, which it owns and disposes.</summary>
internal sealed class AlertServices : IDisposable
{
    private readonly HttpClient _client = WebhookSender.CreateClient();

    public AlertServices(ServerOptions options, TimeProvider clock)
    {
        Log = options.AlertLogPath is { } path ? new AlertLog(path) : null;
        Runner = Log is null ? null : new AlertRunner(Log, new WebhookSender(_client, WebhookRetry.Default, clock), clock);
    }

    /// <summary>The log, or null when the server keeps none (<see cref="ServerOptions.AlertLogPath"/> unset).</summary>
    public AlertLog? Log { get; }

    public AlertRunner? Runner { get; }

    public void Dispose() => _client.Dispose();
}
