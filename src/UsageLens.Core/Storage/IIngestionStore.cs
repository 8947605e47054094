namespace UsageLens.Core.Storage;

/// <summary>The write side of a workspace.</summary>
public interface IIngestionStore
{
    /// <summary>
    /// Stores the batch durably in one transaction. Events whose (source, id) is already stored are
    /// skipped, so a retried batch changes nothing. Returns only after the commit.
    /// </summary>
    Task<IngestOutcome> WriteAsync(IngestBatch batch, CancellationToken cancellationToken);

    /// <summary>The unit each known event name is metered in.</summary>
    Task<IReadOnlyDictionary<string, string>> GetMeterUnitsAsync(CancellationToken cancellationToken);

    /// <summary>The account each of the given users was last linked to, for users that have one.</summary>
    Task<IReadOnlyDictionary<string, string>> GetUserAccountsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}
