namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>A price tier as the configuration states it: billable units up to <see cref="UpTo"/> (null: no limit).</summary>
internal sealed record SampleTier(double? UpTo, double UnitPrice, double FlatFee);
