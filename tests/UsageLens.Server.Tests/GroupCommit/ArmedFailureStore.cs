using UsageLens.Core.Storage;

namespace UsageLens.Server.Tests.GroupCommit;

/// <summary>The real store, except that writes fail while <see cref="Failing"/> is set (a full disk, a lost file).</summary>
internal sealed class ArmedFailureStore(IIngestionStore inner) : IIngestionStore
{
    public bool Failing { get; set; }

    public Task<IngestOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellationToken) =>
        Failing ? throw new IOException("disk full") : inner.WriteAsync(batch, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetMeterUnitsAsync(CancellationToken cancellationToken) =>
        inner.GetMeterUnitsAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetUserAccountsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        inner.GetUserAccountsAsync(userIds, cancellationToken);
}
