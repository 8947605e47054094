using System.Diagnostics;
using UsageLens.Core.Semantics;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.Insights;

/// <summary>
/// When <see cref="ServerOptions.WarmInsights"/> is on (<c>usagelens serve</c>), computes the insights the overview
/// and the insights page open with, for the whole workspace as of today, as soon as the server listens: the first
/// person to open the dashboard reads them from the <see cref="ResultCache"/> instead of waiting seconds.
/// </summary>
internal sealed partial class InsightWarmup(ResultCache cache, ServerOptions options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<InsightWarmup> logger) : BackgroundService
{
    // The overview's highlights; churn risk is also the insights page's first view.
    private static readonly string[] s_dashboard = ["churn-risk", "anomalies", "upsell"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WarmInsights || !await StartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var name in s_dashboard)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var result = await cache.InsightAsync(name, asOf, AccountScope.All, options.Configuration, stoppingToken).ConfigureAwait(false);
                LogWarmed(name, day, result.Findings.Count, watch.ElapsedMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a warm-up that fails leaves the first request to compute (and report) it
            catch (Exception error)
#pragma warning restore CA1031
            {
                LogFailed(name, error.Message);
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        try
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "insight {Insight} as of {AsOf} computed ahead for the dashboard: {Findings} findings in {Milliseconds} ms")]
    private partial void LogWarmed(string insight, string asOf, int findings, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "insight {Insight} could not be computed ahead: {Reason}")]
    private partial void LogFailed(string insight, string reason);
}
