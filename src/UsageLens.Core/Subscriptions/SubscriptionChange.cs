namespace UsageLens.Core.Subscriptions;

/// <summary>One row of the MRR timeline: the account pays <see cref="Mrr"/> from <see cref="EffectiveAt"/> until its next row.</summary>
public sealed record SubscriptionChange(
    string AccountId,
    DateTime EffectiveAt,
    string? Plan,
    double Mrr,
    string? Currency,
    double? DiscountPct,
    int? Seats,
    string? IncludedUnitsJson);
