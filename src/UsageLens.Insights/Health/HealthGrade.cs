namespace UsageLens.Insights.Health;

/// <summary>One component of an account's health: its grade 0–100 (null when its data is missing, so it is skipped) and why.</summary>
internal sealed record HealthGrade(string Component, double Weight, double? Grade, string Why);
