namespace UsageLens.Server.GroupCommit;

/// <summary>
/// Holds a read of the API (<c>/api/...</c>, ingestion aside) until every group acknowledged before it is merged,
/// so that an answer includes every event its client was told is stored. Without an ingest log, an acknowledged
/// group is already committed and nothing waits.
/// </summary>
internal sealed partial class ReadsAfterAcknowledgedWrites(RequestDelegate next, GroupCommitWriter writer, TimeProvider timeProvider, ILogger<ReadsAfterAcknowledgedWrites> logger)
{
    // A merge that keeps failing must not hang every read: past this wait the answer is given from what is merged.
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IngestEndpoint>() is null)
        {
            try
            {
                await writer.AcknowledgedMergedAsync(context.RequestAborted).WaitAsync(s_longestWait, timeProvider, context.RequestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogStale(logger, context.Request.Path, s_longestWait.TotalSeconds);
            }
        }
        await next(context).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} answered without acknowledged events merged in the last {Seconds} s: merging is failing")]
    private static partial void LogStale(ILogger logger, PathString path, double seconds);
}
