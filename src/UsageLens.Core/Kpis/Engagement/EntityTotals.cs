namespace UsageLens.Core.Kpis.Engagement;

/// <summary>How many distinct users or accounts had events in a period, and how many events (null: not read).</summary>
internal sealed record EntityTotals(long Entities, long? Events);
