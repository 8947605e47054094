using UsageLens.Core.Storage;

namespace UsageLens.Server.Rollups;

/// <summary>
/// Folds the rollups back to one row per key every <see cref="ServerOptions.RollupCompactionInterval"/>, for a store
/// that needs it (<see cref="IRollupCompaction"/>: DuckDB, where each commit appends its own daily sums). Live
/// ingestion in small commits would otherwise grow the rollups, and every read of them, with the number of commits.
/// Compacting changes no answer, so the result cache is kept.
/// </summary>
internal sealed partial class RollupCompactor(IIngestionStore store, ServerOptions options, TimeProvider clock, ILogger<RollupCompactor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not IRollupCompaction compaction || options.RollupCompactionInterval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.RollupCompactionInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await CompactAsync(compaction, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CompactAsync(IRollupCompaction compaction, CancellationToken stoppingToken)
    {
        try
        {
            var started = clock.GetTimestamp();
            var outcome = await compaction.CompactRollupsAsync(stoppingToken).ConfigureAwait(false);
            var milliseconds = (long)clock.GetElapsedTime(started).TotalMilliseconds;
            if (outcome.Days > 0)
            {
                LogCompacted(outcome.Days, outcome.RowsBefore, outcome.RowsAfter, milliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a failed compaction leaves the rollups as they were (one transaction); the next tick tries again
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogFailed(error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted the rollups of {Days} days: {Before} rows to {After}, in {Milliseconds} ms")]
    private partial void LogCompacted(int days, long before, long after, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollup compaction failed, to be retried: {Error}")]
    private partial void LogFailed(string error);
}
