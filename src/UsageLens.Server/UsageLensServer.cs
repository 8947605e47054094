using UsageLens.Server.Accounts;
using UsageLens.Server.Alerts;
using UsageLens.Server.Dashboard;
using UsageLens.Server.Ingestion;
using UsageLens.Server.Insights;
using UsageLens.Server.Kpis;
using UsageLens.Core.Storage;
using UsageLens.Server.Operations;
using UsageLens.Server.Contract;
using UsageLens.Server.Questions;
using UsageLens.Server.RequestBodies;
using UsageLens.Server.Sessions;
using UsageLens.Server.Administration;
using UsageLens.Server.Reports;

namespace UsageLens.Server;

/// <summary>The HTTP server: Segment and CloudEvents ingestion, API keys, and the OpenAPI document.</summary>
public static class UsageLensServer
{
    /// <summary>
    /// Merges into <paramref name="ingestion"/> what an ingest log left by a server that stopped without merging it
    /// (a crash), so that a command run before the server starts again sees every acknowledged event; returns the
    /// records merged. A directory that does not exist holds nothing.
    /// </summary>
    /// <exception cref="Core.UsageLensException">A server is using the log, or it holds a record this version cannot read.</exception>
    public static async Task<int> MergeIngestLogAsync(string directory, IIngestionStore ingestion)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        if (!Directory.Exists(directory))
        {
            return 0;
        }
        var (log, records) = GroupCommit.IngestLog.Open(directory);
        using (log)
        {
            await GroupCommit.IngestLogMerger.ReplayAsync(log, records, batch => ingestion.WriteAsync(batch, CancellationToken.None), new ServerOptions().IngestLogMergeRecords).ConfigureAwait(false);
            return records.Sum(r => r.Batch.Count);
        }
    }

    /// <summary>
    /// Builds (does not start) the server over an open workspace. The caller owns <paramref name="workspace"/>
    /// and disposes it after the application has stopped; stopping commits and answers queued requests first.
    /// </summary>
    /// <exception cref="Core.UsageLensException">An option is out of range.</exception>
    public static WebApplication Build(ServerOptions options, IWorkspaceStore workspace, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(UsageLensServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.MetricsUrl is null ? options.Urls : $"{options.Urls};{options.MetricsUrl}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        ServerLogging.Configure(builder.Logging, options.LogFormat);
        builder.Services.AddUsageLens(options, workspace, timeProvider);

        var app = builder.Build();
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        app.UseMiddleware<RequestLogging>();
        app.UseMetricsListener(options, metrics);
        app.UseUnhandledErrors();
        app.UseUnsupportedMediaTypeErrors();
        app.UseDashboard();
        app.UseRouting();
        app.UseRequestMetrics(metrics);
        // The body is buffered before authentication because Segment clients may put the key in it.
        app.UseMiddleware<RequestBodyMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<Authentication.CsrfHeaderRule>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<GroupCommit.ReadsAfterAcknowledgedWrites>();

        app.MapOpenApi();
        app.MapIngestionEndpoints();
        app.MapKpiEndpoints();
        app.MapAskEndpoints();
        app.MapInsightEndpoints();
        app.MapAlertEndpoints();
        app.MapHealthEndpoints();
        app.MapAdminMetrics(metrics);
        app.MapBackupEndpoints();
        app.MapAccountEndpoints();
        app.MapSessionEndpoints();
        app.MapAdminEndpoints();
        app.MapReportEndpoints();
        app.MapScheduledReportEndpoints();
        app.MapErasureEndpoints();
        return app;
    }
}
