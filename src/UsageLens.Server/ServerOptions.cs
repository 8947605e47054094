using UsageLens.Core;

namespace UsageLens.Server;

/// <summary>How the HTTP server listens, limits requests and groups commits. Defaults follow Segment's limits.</summary>
public sealed record ServerOptions
{
    /// <summary>Addresses to listen on, separated by <c>;</c>. Port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Largest body of a single call (<c>/v1/track</c>, one CloudEvent), and of each message in a batch, after gzip decoding.</summary>
    public int MaxCallBytes { get; init; } = 32 * 1024;

    /// <summary>Largest body of a batch request (<c>/v1/batch</c>, a CloudEvents batch), after gzip decoding.</summary>
    public int MaxBatchBytes { get; init; } = 500 * 1024;

    /// <summary>Sustained requests per second allowed for one key, counted apart for ingestion and for reads.</summary>
    public int RequestsPerSecondPerKey { get; init; } = 200;

    /// <summary>Requests one key may send at once before <see cref="RequestsPerSecondPerKey"/> applies.</summary>
    public int RequestBurstPerKey { get; init; } = 400;

    /// <summary>How long the writer waits for more requests to join a commit once one is pending.</summary>
    public TimeSpan GroupCommitMaxDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Records (events, accounts, users) after which a commit group is closed.</summary>
    public int GroupCommitMaxRecords { get; init; } = 20_000;

    /// <summary>
    /// Where the ingest log is kept. When set, a group is acknowledged once it is fsynced to this log, and merged
    /// into the workspace in the background; when null, once it is committed to the workspace.
    /// </summary>
    public string? IngestLogDirectory { get; init; }

    /// <summary>Records (events, accounts, users) merged from the ingest log into the workspace in one transaction at most.</summary>
    public int IngestLogMergeRecords { get; init; } = 100_000;

    /// <summary>Records acknowledged and not merged yet after which acknowledgements wait for a merge.</summary>
    public int IngestLogMaxUnmergedRecords { get; init; } = 400_000;

    /// <summary>How often the rollups are folded back to one row per key (DuckDB); zero turns it off.</summary>
    public TimeSpan RollupCompactionInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests that may wait for the writer before new ones wait for room.</summary>
    public int PendingRequestLimit { get; init; } = 1_000;

    /// <summary>The PostHog group type whose key is the account: an event's account is <c>properties.$groups.&lt;this&gt;</c>.</summary>
    public string PostHogAccountGroup { get; init; } = "company";

    /// <summary>The workspace configuration (rate plans) that KPIs read.</summary>
    public Core.Configuration.WorkspaceConfiguration Configuration { get; init; } = Core.Configuration.WorkspaceConfiguration.Empty;

    /// <summary>The alerts' state and delivery log (JSON Lines); when set, the configuration's enabled alert rules run on their schedules.</summary>
    public string? AlertLogPath { get; init; }

    /// <summary>Sign-in attempts (<c>POST /api/v1/session</c>) one client address may make per minute; more are answered 429.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>How long a dashboard session lasts without a request; each request renews it.</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The least severe log level written.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>How the console log is written: readable lines or one JSON object per line.</summary>
    public Operations.ServerLogFormat LogFormat { get; init; } = Operations.ServerLogFormat.Text;

    /// <summary>
    /// A separate address (such as <c>http://127.0.0.1:9464</c>) serving Prometheus <c>/metrics</c> without a key and
    /// nothing else; null serves <c>/metrics</c> only on <see cref="Urls"/>, to admin keys.
    /// </summary>
    public string? MetricsUrl { get; init; }

    /// <summary>Whether the dashboard's landing page is computed as soon as the server listens, and what visitors look at is read again after commits (on for <c>usagelens serve</c>).</summary>
    public bool WarmDashboard { get; init; }

    /// <summary>The port of <see cref="MetricsUrl"/>, or null when there is none.</summary>
    public int? MetricsPort() => MetricsUrl is null ? null : new Uri(MetricsUrl).Port;

    /// <summary>Refuses impossible settings at start-up rather than at the first request.</summary>
    /// <exception cref="UsageLensException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Urls), "Urls must name at least one address");
        Require(MaxCallBytes > 0, "MaxCallBytes must be positive");
        Require(MaxBatchBytes >= MaxCallBytes, "MaxBatchBytes must be at least MaxCallBytes");
        Require(RequestsPerSecondPerKey > 0, "RequestsPerSecondPerKey must be positive");
        Require(RequestBurstPerKey > 0, "RequestBurstPerKey must be positive");
        Require(GroupCommitMaxDelay >= TimeSpan.Zero, "GroupCommitMaxDelay must not be negative");
        Require(GroupCommitMaxRecords > 0, "GroupCommitMaxRecords must be positive");
        Require(PendingRequestLimit > 0, "PendingRequestLimit must be positive");
        Require(IngestLogMergeRecords > 0, "IngestLogMergeRecords must be positive");
        Require(IngestLogMaxUnmergedRecords >= IngestLogMergeRecords, "IngestLogMaxUnmergedRecords must be at least IngestLogMergeRecords");
        Require(MetricsUrl is null || (Uri.TryCreate(MetricsUrl, UriKind.Absolute, out var metrics) && metrics.Scheme == Uri.UriSchemeHttp && metrics.Port > 0 && MetricsUrl.Contains($":{metrics.Port}", StringComparison.Ordinal)),
            "MetricsUrl must be an http:// address with an explicit port, such as http://127.0.0.1:9464");
        Require(SignInAttemptsPerMinute > 0, "SignInAttemptsPerMinute must be positive");
        Require(SessionIdleTimeout > TimeSpan.Zero, "SessionIdleTimeout must be positive");
        Require(!string.IsNullOrWhiteSpace(PostHogAccountGroup), "PostHogAccountGroup must name a PostHog group type");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new UsageLensException($"server options: {message}");
        }
    }
}
