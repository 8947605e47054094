namespace UsageLens.Core.Finance;

/// <summary>A plan's usage prices, by meter (event name). Meters it does not name are not charged.</summary>
public sealed record RatePlan(string Name, IReadOnlyDictionary<string, MeterPrice> Meters);
