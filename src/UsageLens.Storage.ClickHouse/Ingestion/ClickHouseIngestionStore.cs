using UsageLens.Core.Storage;
using UsageLens.Storage.ClickHouse.Schema;

namespace UsageLens.Storage.ClickHouse.Ingestion;

/// <summary>
/// Writes validated batches to ClickHouse. ClickHouse has no transactions and no unique keys, so
/// exactly-once storage is built here: writes are serialised, the (source, id) pairs of a batch
/// are looked up in the stored events before the insert, and only events not yet stored are
/// inserted. A retried batch, or a batch whose insert failed half-way, therefore stores each event
/// once, and query results never see a duplicate. Inserts are spaced by
/// <see cref="MinimumInsertInterval"/> so that the HTTP pipeline, which groups the requests that
/// arrive meanwhile, sends ClickHouse few large blocks rather than many small ones.
/// </summary>
public sealed class ClickHouseIngestionStore(ClickHouseWorkspace workspace, TimeProvider timeProvider) : IIngestionStore, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private long _lastInsert;

    /// <summary>The least time between two event inserts (about one per second, as ClickHouse advises).</summary>
    public TimeSpan MinimumInsertInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Events per INSERT statement.</summary>
    public int InsertBlockSize { get; init; } = 100_000;

    public async Task<IngestOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = 0L;
            if (batch.Events.Count > 0)
            {
                await WaitForInsertSlotAsync(cancellationToken).ConfigureAwait(false);
                stored = await new EventWrite(workspace, InsertBlockSize).WriteAsync(batch.Events, cancellationToken).ConfigureAwait(false);
                _lastInsert = timeProvider.GetTimestamp();
            }
            var profiles = new ProfileWrite(workspace, timeProvider);
            await profiles.UpsertAccountsAsync(batch.Accounts, cancellationToken).ConfigureAwait(false);
            await profiles.UpsertUsersAsync(batch.Users, cancellationToken).ConfigureAwait(false);
            return new IngestOutcome(stored, batch.Events.Count - stored, batch.Accounts.Count, batch.Users.Count);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetMeterUnitsAsync(CancellationToken cancellationToken) =>
        await EventWrite.MeterUnitsAsync(workspace, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<string, string>> GetUserAccountsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(10_000))
        {
            var ids = string.Join(", ", chunk.Select(ClickHouseLiteral.Quote));
            var rows = await workspace.Entry.QueryAsync(
                $"SELECT user_id, account_id FROM {ClickHouseTables.Users} FINAL WHERE account_id IS NOT NULL AND user_id IN ({ids})",
                cancellationToken).ConfigureAwait(false);
            foreach (var row in rows.Rows)
            {
                accounts[(string)row[0]!] = (string)row[1]!;
            }
        }
        return accounts;
    }

    private async Task WaitForInsertSlotAsync(CancellationToken cancellationToken)
    {
        if (_lastInsert == 0)
        {
            return;
        }
        var wait = MinimumInsertInterval - timeProvider.GetElapsedTime(_lastInsert);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _writer.Dispose();
}
