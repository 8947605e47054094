namespace UsageLens.Core.Kpis.Engagement;

/// <summary>One event of a user, through one account, at a UTC instant.</summary>
internal sealed record UserEvent(string User, string? Account, DateTime Timestamp);
