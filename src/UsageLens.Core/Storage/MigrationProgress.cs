namespace UsageLens.Core.Storage;

/// <summary>How far a copy has got: rows of <see cref="Table"/> copied out of <see cref="Total"/>.</summary>
public sealed record MigrationProgress(string Table, long Copied, long Total);
