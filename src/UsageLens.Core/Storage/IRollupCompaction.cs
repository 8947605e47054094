namespace UsageLens.Core.Storage;

/// <summary>
/// A store whose rollups grow by one row per key and write (each commit appends its own daily sums) and can fold
/// them back to one row per key. Readers always aggregate, so compacting changes no answer.
/// </summary>
public interface IRollupCompaction
{
    /// <summary>Folds the rollup rows of every day written since the last compaction into one row per key.</summary>
    Task<RollupCompactionOutcome> CompactRollupsAsync(CancellationToken cancellationToken);
}
