namespace UsageLens.Storage.DuckDb.Tests.Reference;

/// <summary>How a generated rate plan prices a meter: a unit price when there are no tiers, else tiers by mode.</summary>
internal sealed record SampleMeterPrice(double Included, double UnitPrice, bool Volume, IReadOnlyList<SampleTier> Tiers);
