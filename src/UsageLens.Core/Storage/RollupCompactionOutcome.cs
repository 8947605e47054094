namespace UsageLens.Core.Storage;

/// <summary>What a compaction did: the days it folded and the rollup rows of those days before and after.</summary>
public sealed record RollupCompactionOutcome(int Days, long RowsBefore, long RowsAfter);
