namespace UsageLens.Core.Kpis.Engagement;

/// <summary>An account used an event (a feature) on a UTC day.</summary>
internal sealed record FeatureUse(DateOnly Day, string Account, string Event);
