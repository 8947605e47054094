namespace UsageLens.Core.Erasure;

/// <summary>
/// Erases a person's or an account's data from events, rollups and profiles, and keeps a record of each erasure.
/// Afterwards every KPI reads as if the data had never been sent.
/// </summary>
public interface IErasureStore
{
    /// <summary>Deletes everything stored about <paramref name="id"/> and records the erasure.</summary>
    /// <exception cref="UsageLensException">The id is empty.</exception>
    Task<ErasureRecord> EraseAsync(ErasureKind kind, string id, CancellationToken cancellationToken);

    /// <summary>Every recorded erasure, oldest first.</summary>
    Task<IReadOnlyList<ErasureRecord>> ListAsync(CancellationToken cancellationToken);
}
