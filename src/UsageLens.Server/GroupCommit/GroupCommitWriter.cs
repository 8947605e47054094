using System.Threading.Channels;
using UsageLens.Core.Storage;
using UsageLens.Server.Operations;
using UsageLens.Server.Workspace;

namespace UsageLens.Server.GroupCommit;

/// <summary>
/// Group commit: requests wait in a bounded channel; one loop takes whatever is pending (up to a size
/// and a delay bound), writes it as ONE batch in one transaction, and only then answers every request
/// of the group. Durability costs one commit per group instead of one per request.
/// With an ingest log (<see cref="ServerOptions.IngestLogDirectory"/>) a group is answered once it is fsynced to
/// the log, and <see cref="IngestLogMerger"/> commits many groups at once in the background; reads, backups and
/// erasures first wait for what was acknowledged before them (<see cref="AcknowledgedMergedAsync"/>).
/// </summary>
internal sealed partial class GroupCommitWriter(
    IIngestionStore store, ServerOptions options, TimeProvider timeProvider, ILogger<GroupCommitWriter> logger, WorkspaceCatalogCache? readers = null, ServerMetrics? metrics = null)
    : IHostedService, IDisposable
{
    private readonly Channel<PendingWrite> _pending = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(options.PendingRequestLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private MeterUnits? _units;
    private Task _loop = Task.CompletedTask;
    private IngestLog? _log;
    private IngestLogMerger? _merger;
    // Completed once what a crash left in the log is merged: reads that come before wait for it.
    private readonly TaskCompletionSource _replayed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _commits;
    // One token, held for each commit and by work that must see the workspace between two commits (a backup).
    // A channel rather than a SemaphoreSlim so that the writer owns nothing to dispose.
    private readonly Channel<bool> _commitGate = CommitGate();
    private volatile bool _started;

    /// <summary>Transactions committed so far; tests compare it with the number of requests to prove grouping.</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    public async Task<WriteVerdict> SubmitAsync(PendingWrite write, CancellationToken cancellationToken)
    {
        try
        {
            await _pending.Writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return WriteVerdict.Unavailable;
        }
        // Once queued the write is committed or not regardless of the client, so its verdict is awaited in full.
        return await write.Verdict.ConfigureAwait(false);
    }

    /// <summary>Requests waiting for the writer.</summary>
    public int QueueDepth => _pending.Reader.Count;

    /// <summary>Records acknowledged and not yet in the workspace (always zero without an ingest log).</summary>
    public int UnmergedRecords => _merger?.UnmergedRecords ?? 0;

    /// <summary>Completes once every group acknowledged before the call is in the workspace.</summary>
    public Task AcknowledgedMergedAsync(CancellationToken cancellationToken) =>
        options.IngestLogDirectory is null ? Task.CompletedTask : AfterReplayAsync(cancellationToken);

    private async Task AfterReplayAsync(CancellationToken cancellationToken)
    {
        await _replayed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _merger!.CaughtUpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why the writer would not take a request now (stopped, stopping, queue full), or null when it would.</summary>
    public string? NotAcceptingReason()
    {
        if (!_started)
        {
            return "the group-commit writer has not started";
        }
        if (_pending.Reader.Completion.IsCompleted || _loop.IsCompleted)
        {
            return "the group-commit writer has stopped";
        }
        var depth = QueueDepth;
        return depth >= options.PendingRequestLimit ? $"the group-commit queue is full ({depth} requests waiting)" : null;
    }

    /// <summary>
    /// Runs <paramref name="action"/> between two commits: every group acknowledged before it is in the
    /// workspace, and no group commits until it returns (requests wait in the queue meanwhile).
    /// </summary>
    public async Task<T> AtCommitBoundaryAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await AcknowledgedMergedAsync(cancellationToken).ConfigureAwait(false);
        await _commitGate.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _commitGate.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// Runs a write outside ingestion (an erasure) as the single writer, between two commits; readers see the
    /// workspace change at once.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await AtCommitBoundaryAsync(_ => write(), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            readers?.Invalidate();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        metrics?.Registry.AddBeforeCollectCallback(() =>
        {
            metrics.QueueDepth.Set(QueueDepth);
            metrics.UnmergedRecords.Set(UnmergedRecords);
        });
        if (options.IngestLogDirectory is { } directory)
        {
            await OpenLogAsync(directory).ConfigureAwait(false);
        }
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _started = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests already queued are still committed and answered before the server stops.
        _pending.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Even when the host stops waiting, the merges end: what is not merged stays in the log for the next start.
            if (_merger is not null)
            {
                await _merger.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        _merger?.Dispose();
        _log?.Dispose();
    }

    // What a crash left in the log is merged before the first request is taken, so a restarted server answers
    // with everything it acknowledged before.
    private async Task OpenLogAsync(string directory)
    {
        var (log, records) = IngestLog.Open(directory);
        _log = log;
        await IngestLogMerger.ReplayAsync(log, records, WriteTimedAsync, options.IngestLogMergeRecords).ConfigureAwait(false);
        if (records.Count > 0)
        {
            var replayed = records.Sum(r => r.Batch.Count);
            LogReplayed(logger, records.Count, replayed);
        }
        _merger = new IngestLogMerger(log, WriteTimedAsync, Merged, options.IngestLogMergeRecords, options.IngestLogMaxUnmergedRecords, timeProvider, logger);
        _merger.Start();
        _replayed.TrySetResult();
    }

    private void Merged()
    {
        // New meters, keys and values are visible to the next request once the merge is done.
        readers?.Invalidate();
        Interlocked.Increment(ref _commits);
    }

    private async Task RunAsync()
    {
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var group = await CollectAsync().ConfigureAwait(false);
            await CommitAsync(group).ConfigureAwait(false);
        }
    }

    private async Task<List<PendingWrite>> CollectAsync()
    {
        var group = new List<PendingWrite>();
        var records = 0;
        var deadline = timeProvider.GetTimestamp();
        while (records < options.GroupCommitMaxRecords)
        {
            if (_pending.Reader.TryRead(out var write))
            {
                group.Add(write);
                records += write.Request.Events.Count + write.Request.Accounts.Count + write.Request.Users.Count;
                continue;
            }
            var remaining = options.GroupCommitMaxDelay - timeProvider.GetElapsedTime(deadline);
            if (remaining <= TimeSpan.Zero || !await MoreArriveWithinAsync(remaining).ConfigureAwait(false))
            {
                break;
            }
        }
        return group;
    }

    private async Task<bool> MoreArriveWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait, timeProvider);
        try
        {
            return await _pending.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        try
        {
            _units ??= new MeterUnits(await store.GetMeterUnitsAsync(CancellationToken.None).ConfigureAwait(false));
            var trial = _units.Copy();
            var accepted = Admit(group, trial);
            if (accepted.Count > 0 && _merger is not null)
            {
                var started = timeProvider.GetTimestamp();
                await _merger.AppendAsync(Merge(accepted)).ConfigureAwait(false);
                metrics?.LogAppendDuration.Observe(timeProvider.GetElapsedTime(started).TotalSeconds);
            }
            else if (accepted.Count > 0)
            {
                var outcome = await WriteTimedAsync(Merge(accepted)).ConfigureAwait(false);
                Merged();
                LogCommitted(logger, accepted.Count, outcome.EventsStored, outcome.DuplicateEvents);
            }
            _units = trial;
            accepted.ForEach(write => write.Complete(WriteVerdict.Committed));
        }
        catch (Exception ex)
        {
            // Nothing of the group is acknowledged. Without a log, meters are reloaded in case the store changed
            // under us; with one, the store lacks the meters of groups not merged yet, so the known ones are kept.
            LogCommitFailed(logger, ex, group.Count);
            // An engine without transactions may have stored part of the group.
            readers?.Invalidate();
            _units = _merger is null ? null : _units;
            group.ForEach(write => write.Complete(WriteVerdict.Unavailable));
        }
    }

    private async Task<IngestOutcome> WriteTimedAsync(IngestBatch batch)
    {
        await _commitGate.Reader.ReadAsync().ConfigureAwait(false);
        var started = timeProvider.GetTimestamp();
        try
        {
            return await store.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            metrics?.CommitDuration.Observe(timeProvider.GetElapsedTime(started).TotalSeconds);
            _commitGate.Writer.TryWrite(true);
        }
    }

    private static Channel<bool> CommitGate()
    {
        var gate = Channel.CreateBounded<bool>(1);
        gate.Writer.TryWrite(true);
        return gate;
    }

    private static List<PendingWrite> Admit(List<PendingWrite> group, MeterUnits units)
    {
        var accepted = new List<PendingWrite>(group.Count);
        foreach (var write in group)
        {
            var conflicts = units.Admit(write);
            if (conflicts.Count > 0)
            {
                write.Complete(WriteVerdict.Refused(conflicts));
            }
            else
            {
                accepted.Add(write);
            }
        }
        return accepted;
    }

    private static IngestBatch Merge(List<PendingWrite> writes) => new(
        [.. writes.SelectMany(w => w.Request.Events).Select(e => e.Event)],
        [.. writes.SelectMany(w => w.Request.Accounts)],
        [.. writes.SelectMany(w => w.Request.Users)]);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed {Requests} requests in one transaction: {Stored} events stored, {Duplicates} already seen")]
    private static partial void LogCommitted(ILogger logger, int requests, long stored, long duplicates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged {Groups} acknowledged groups ({Records} records) left in the ingest log")]
    private static partial void LogReplayed(ILogger logger, int groups, int records);

    [LoggerMessage(Level = LogLevel.Error, Message = "Group commit of {Requests} requests failed; all were answered 503")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int requests);
}
