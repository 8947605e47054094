namespace UsageLens.Core.Kpis;

/// <summary>One account's activity in a period: distinct users with at least one activity event, and the last day (UTC) with one.</summary>
public sealed record AccountActiveUsers(int Users, DateOnly LastActive);
