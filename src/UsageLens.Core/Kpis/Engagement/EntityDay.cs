namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How many events a user or account had on a UTC day through one account, and whether they were of the feature.</summary>
internal sealed record EntityDay(DateOnly Day, string Entity, string? Account, long Events, bool IsFeature);
