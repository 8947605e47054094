namespace UsageLens.Core.Kpis.Engagement;

/// <summary>A user active on a UTC day, through one account (null when the event had none).</summary>
internal sealed record ActiveDay(DateOnly Day, string User, string? Account);
