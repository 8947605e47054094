using Polly;
using Polly.Retry;
using UsageLens.Core.Storage;

namespace UsageLens.Server.GroupCommit;

/// <summary>
/// Merges logged groups into the workspace in the background, as many as are waiting (up to
/// <paramref name="mergeRecords"/>) in one transaction, so an acknowledgement waits for an append and an fsync
/// rather than for a commit into the workspace.
/// Appends wait while <paramref name="maxUnmergedRecords"/> records are not merged yet, which bounds memory and
/// the replay after a crash; readers wait for what was acknowledged before they asked (<see cref="CaughtUpAsync"/>).
/// </summary>
internal sealed partial class IngestLogMerger(
    IngestLog log, Func<IngestBatch, Task<IngestOutcome>> merge, Action merged, int mergeRecords, int maxUnmergedRecords, TimeProvider timeProvider, ILogger logger)
    : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly Queue<IngestLogRecord> _pending = new();
    private int _pendingRecords;
    private long _acknowledged = -1;
    private long _merged = -1;
    private bool _completed;
    private TaskCompletionSource _progress = Signal();
    private TaskCompletionSource _work = Signal();
    private Task _loop = Task.CompletedTask;

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
        .AddRetry(new RetryStrategyOptions
        {
            // An acknowledged group is never dropped: the merge is retried until it lands or the server stops.
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(10),
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            OnRetry = retry =>
            {
                LogMergeFailed(logger, retry.Outcome.Exception, retry.AttemptNumber + 1, retry.RetryDelay.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>Records (events, accounts, users) acknowledged and not merged yet.</summary>
    public int UnmergedRecords
    {
        get
        {
            lock (_lock)
            {
                return _pendingRecords;
            }
        }
    }

    /// <summary>Replays what the log held at start-up, in merges of the usual size, and empties the log.</summary>
    public static async Task ReplayAsync(IngestLog log, IReadOnlyList<IngestLogRecord> records, Func<IngestBatch, Task<IngestOutcome>> merge, int mergeRecords)
    {
        foreach (var chunk in Chunks(records, mergeRecords))
        {
            await merge(Combine(chunk)).ConfigureAwait(false);
        }
        if (records.Count > 0)
        {
            log.Trim(records[^1].Sequence);
        }
    }

    /// <summary>
    /// Starts merging on a thread of its own: a merge can be seconds of blocking engine calls, which on a pool thread
    /// would hold one of the few threads (two on two cores, more added only slowly) that answer requests.
    /// </summary>
    public void Start()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(_stopping.Token);
                done.TrySetResult();
            }
            catch (OperationCanceledException ex)
            {
                done.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "UsageLens ingest log merge",
        };
        _loop = done.Task;
        thread.Start();
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Logs <paramref name="batch"/> durably (waiting first while too much is unmerged) and queues it for a merge.</summary>
    public async Task AppendAsync(IngestBatch batch)
    {
        while (true)
        {
            Task progress;
            lock (_lock)
            {
                if (_pendingRecords == 0 || _pendingRecords + batch.Count <= maxUnmergedRecords)
                {
                    break;
                }
                progress = _progress.Task;
            }
            await progress.ConfigureAwait(false);
        }
        var sequence = log.Append(batch);
        lock (_lock)
        {
            _pending.Enqueue(new IngestLogRecord(sequence, batch));
            _pendingRecords += batch.Count;
            _acknowledged = sequence;
            _work.TrySetResult();
        }
    }

    /// <summary>Completes once everything acknowledged before the call is merged into the workspace.</summary>
    public async Task CaughtUpAsync(CancellationToken cancellationToken)
    {
        long target;
        lock (_lock)
        {
            target = _acknowledged;
        }
        while (true)
        {
            Task progress;
            lock (_lock)
            {
                if (_merged >= target)
                {
                    return;
                }
                progress = _progress.Task;
            }
            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Merges what is queued, then stops; cancelled, it leaves the rest in the log for the next start.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _completed = true;
            _work.TrySetResult();
        }
        // A merge that keeps failing is given up only when the host stops waiting.
        using var registration = cancellationToken.Register(_stopping.Cancel);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogLeftInLog(logger, UnmergedRecords);
        }
    }

    private void Run(CancellationToken stopping)
    {
        while (true)
        {
            List<IngestLogRecord> chunk;
            Task work;
            lock (_lock)
            {
                chunk = Chunks(_pending, mergeRecords).FirstOrDefault() ?? [];
                if (chunk.Count == 0 && _completed)
                {
                    return;
                }
                _work = Signal();
                work = _work.Task;
            }
            if (chunk.Count == 0)
            {
                work.Wait(stopping);
                continue;
            }
            // The store's write runs synchronously on this thread once it holds the writer (DuckDB's calls block).
            _retry.Execute(token => merge(Combine(chunk)).WaitAsync(token).GetAwaiter().GetResult(), stopping);
            Merged(chunk);
        }
    }

    private void Merged(List<IngestLogRecord> chunk)
    {
        var through = chunk[^1].Sequence;
        try
        {
            log.Trim(through);
        }
        catch (IOException ex)
        {
            // Nothing is lost: the records stay in the log and are deduplicated if replayed; the next merge tries again.
            LogTrimFailed(logger, ex);
        }
        merged();
        lock (_lock)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                _pendingRecords -= _pending.Dequeue().Batch.Count;
            }
            _merged = through;
            _progress.TrySetResult();
            _progress = Signal();
        }
    }

    private static IEnumerable<List<IngestLogRecord>> Chunks(IEnumerable<IngestLogRecord> records, int limit)
    {
        var chunk = new List<IngestLogRecord>();
        var size = 0;
        foreach (var record in records)
        {
            if (chunk.Count > 0 && size + record.Batch.Count > limit)
            {
                yield return chunk;
                chunk = [];
                size = 0;
            }
            chunk.Add(record);
            size += record.Batch.Count;
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static IngestBatch Combine(List<IngestLogRecord> chunk) => chunk.Count == 1 ? chunk[0].Batch : new(
        [.. chunk.SelectMany(r => r.Batch.Events)],
        [.. chunk.SelectMany(r => r.Batch.Accounts)],
        [.. chunk.SelectMany(r => r.Batch.Users)]);

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Error, Message = "Merging acknowledged events from the ingest log failed (attempt {Attempt}); retrying in {Seconds:0.0} s")]
    private static partial void LogMergeFailed(ILogger logger, Exception? exception, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emptying merged records from the ingest log failed; they stay and are skipped as duplicates if replayed")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Records} acknowledged records not merged; they stay in the ingest log and are merged at the next start")]
    private static partial void LogLeftInLog(ILogger logger, int records);
}
