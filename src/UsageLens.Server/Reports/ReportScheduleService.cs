using UsageLens.Reports;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Reports;

/// <summary>
/// Runs the configuration's enabled scheduled reports on their cron schedules while the server is up, each over a fresh
/// KPI context from the catalog cache, as an API request gets, and logs every delivery.
/// </summary>
internal sealed partial class ReportScheduleService(ReportServices reports, ServerOptions options, ScheduledRunContexts contexts, TimeProvider clock, ILogger<ReportScheduleService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Configuration.Reports.Any(r => r.Enabled))
        {
            return Task.CompletedTask;
        }
        var scheduler = new ReportScheduler(reports.Runner, options.Configuration.Reports, contexts.KpiContextAsync, clock)
        {
            Ran = run =>
            {
                if (run.Error is { } error)
                {
                    LogNotMade(run.Report, run.AsOf, error);
                }
                foreach (var delivery in run.Deliveries)
                {
                    LogDelivery(run.Report, run.AsOf, run.FileName, delivery.Target, delivery.Destination, delivery.Status, delivery.Attempts, delivery.Error);
                }
            },
            Failed = (report, error) => LogFailed(error, report.Name, error.Message),
        };
        return scheduler.RunAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "report {Report} as of {AsOf}: {File} to {Target} {Destination}: {Status} after {Attempts} attempt(s) {Error}")]
    private partial void LogDelivery(string report, DateOnly asOf, string? file, string target, string destination, string status, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "report {Report} as of {AsOf} could not be made: {Reason}")]
    private partial void LogNotMade(string report, DateOnly asOf, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "report {Report} could not be run: {Reason}")]
    private partial void LogFailed(Exception error, string report, string reason);
}
