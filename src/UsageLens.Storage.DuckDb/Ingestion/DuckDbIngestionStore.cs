using UsageLens.Core;
using UsageLens.Core.Storage;

namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>
/// Writes validated batches in one transaction. DuckDB is single-writer, so writes are serialised
/// here; the HTTP pipeline groups concurrent requests into one batch before calling it.
/// </summary>
public sealed class DuckDbIngestionStore(DuckDbWorkspace workspace) : IIngestionStore, IRollupCompaction, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<IngestOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Write(batch);
        }
        finally
        {
            _writer.Release();
        }
    }

    private IngestOutcome Write(IngestBatch batch)
    {
        using var connection = workspace.OpenConnection();
        EventStaging.Create(connection);
        try
        {
            using var transaction = connection.BeginTransaction();
            long stored = 0;
            if (batch.Events.Count > 0)
            {
                EventStaging.Append(connection, batch.Events);
                if (EventMerge.FindUnitConflict(connection) is { } conflict)
                {
                    throw new UsageLensException(
                        $"events[{conflict.Seq}]: unit '{conflict.Unit}' conflicts with unit '{conflict.ExistingUnit}' of event '{conflict.Event}'");
                }
                stored = EventMerge.MergeNewEvents(connection);
            }
            foreach (var account in batch.Accounts)
            {
                ProfileUpserts.UpsertAccount(connection, account);
            }
            foreach (var user in batch.Users)
            {
                ProfileUpserts.UpsertUser(connection, user);
            }
            transaction.Commit();
            return new IngestOutcome(stored, batch.Events.Count - stored, batch.Accounts.Count, batch.Users.Count);
        }
        finally
        {
            EventStaging.Drop(connection);
        }
    }

    public async Task<RollupCompactionOutcome> CompactRollupsAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = workspace.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var outcome = RollupCompaction.Compact(connection);
            transaction.Commit();
            return outcome;
        }
        finally
        {
            _writer.Release();
        }
    }

    public Task<IReadOnlyDictionary<string, string>> GetMeterUnitsAsync(CancellationToken cancellationToken)
    {
        using var connection = workspace.OpenConnection();
        using var command = DuckDbCommands.Create(connection, "SELECT event, unit FROM meters");
        using var reader = command.ExecuteReader();
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            units[reader.GetString(0)] = reader.GetString(1);
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(units);
    }

    public Task<IReadOnlyDictionary<string, string>> GetUserAccountsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (userIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(accounts);
        }
        using var connection = workspace.OpenConnection();
        // DuckDB.NET binds no list parameters, so each id gets its own placeholder, in chunks.
        foreach (var chunk in userIds.Chunk(500))
        {
            var placeholders = string.Join(", ", chunk.Select((_, i) => $"${i + 1}"));
            using var command = DuckDbCommands.Create(connection, $"SELECT user_id, account_id FROM users WHERE account_id IS NOT NULL AND user_id IN ({placeholders})", chunk);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                accounts[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(accounts);
    }

    public void Dispose() => _writer.Dispose();
}
