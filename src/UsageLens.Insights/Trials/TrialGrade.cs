namespace UsageLens.Insights.Trials;

/// <summary>One component of a trial's conversion score: its grade 0–100 (null when skipped) and why.</summary>
internal sealed record TrialGrade(string Component, double Weight, double? Grade, string Why);
