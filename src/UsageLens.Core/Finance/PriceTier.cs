namespace UsageLens.Core.Finance;

/// <summary>Billable units up to <see cref="UpTo"/> (null: no limit) cost <see cref="UnitPrice"/> each, plus <see cref="FlatFee"/> once when the tier is reached.</summary>
public sealed record PriceTier(double? UpTo, double UnitPrice, double FlatFee = 0);
