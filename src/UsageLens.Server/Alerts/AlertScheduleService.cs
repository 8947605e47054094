using UsageLens.Alerts;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Alerts;

/// <summary>
/// Runs the configuration's enabled alert rules on their cron schedules while the server is up, each
/// evaluation over a fresh KPI context from the catalog cache, as an API request gets.
/// </summary>
internal sealed partial class AlertScheduleService(AlertServices alerts, ServerOptions options, ScheduledRunContexts contexts, TimeProvider clock, ILogger<AlertScheduleService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (alerts.Runner is not { } runner || !options.Configuration.Alerts.Any(r => r.Enabled))
        {
            return Task.CompletedTask;
        }
        var scheduler = new AlertScheduler(runner, options.Configuration.Alerts, contexts.KpiContextAsync, clock)
        {
            Evaluated = run =>
            {
                var undelivered = run.Deliveries.Count(d => d.Status != AlertDelivery.Delivered);
                LogEvaluated(run.Rule, run.AsOf, run.Firings.Count, undelivered);
            },
            Failed = (rule, error) => LogFailed(error, rule.Name, error.Message),
        };
        return scheduler.RunAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "alert rule {Rule} evaluated as of {AsOf}: {Fired} fired, {Undelivered} deliveries not accepted")]
    private partial void LogEvaluated(string rule, DateOnly asOf, int fired, int undelivered);

    [LoggerMessage(Level = LogLevel.Error, Message = "alert rule {Rule} could not be evaluated: {Reason}")]
    private partial void LogFailed(Exception error, string rule, string reason);
}
