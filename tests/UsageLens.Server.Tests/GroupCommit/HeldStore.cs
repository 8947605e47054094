using UsageLens.Core.Storage;

namespace UsageLens.Server.Tests.GroupCommit;

/// <summary>A store whose writes wait until released, or fail while <see cref="Failing"/>: merges can be held back or broken at will.</summary>
internal sealed class HeldStore(IIngestionStore inner) : IIngestionStore
{
    private TaskCompletionSource _release = Released();

    public bool Failing { get; set; }

    /// <summary>Batches written so far, with their sizes.</summary>
    public List<int> Writes { get; } = [];

    public void Hold() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public async Task<IngestOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        await _release.Task.WaitAsync(cancellationToken);
        if (Failing)
        {
            throw new IOException("disk full");
        }
        var outcome = await inner.WriteAsync(batch, cancellationToken);
        lock (Writes)
        {
            Writes.Add(batch.Count);
        }
        return outcome;
    }

    public Task<IReadOnlyDictionary<string, string>> GetMeterUnitsAsync(CancellationToken cancellationToken) =>
        inner.GetMeterUnitsAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetUserAccountsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        inner.GetUserAccountsAsync(userIds, cancellationToken);

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }
}
