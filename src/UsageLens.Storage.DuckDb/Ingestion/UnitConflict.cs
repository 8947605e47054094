namespace UsageLens.Storage.DuckDb.Ingestion;

/// <summary>An event name metered in a unit other than the one it already has.</summary>
public sealed record UnitConflict(string Event, string Unit, string ExistingUnit, long Seq);
