using System.Collections.Concurrent;

namespace UsageLens.Reliability;

/// <summary>
/// Every batch the senders made and what became of it, and the batches waiting to be sent again:
/// the client's side of the story that the store's contents are checked against.
/// </summary>
internal sealed class BatchLedger(int maxMessages)
{
    private readonly ConcurrentDictionary<long, SegmentBatch> _batches = new();
    private readonly ConcurrentQueue<SegmentBatch> _resends = new();
    private long _next;

    public IReadOnlyCollection<SegmentBatch> Batches => [.. _batches.Values];

    public SegmentBatch New(Random random)
    {
        var batch = SegmentBatch.Create(Interlocked.Increment(ref _next), random, maxMessages);
        _batches[batch.Number] = batch;
        return batch;
    }

    /// <summary>A batch to send again, if one waits.</summary>
    public bool TryTakeResend(out SegmentBatch batch) => _resends.TryDequeue(out batch!);

    public void SendAgainLater(SegmentBatch batch) => _resends.Enqueue(batch);
}
