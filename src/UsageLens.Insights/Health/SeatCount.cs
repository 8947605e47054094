namespace UsageLens.Insights.Health;

/// <summary>An account's distinct active users in the 30 days before as-of, and its licensed seats.</summary>
internal readonly record struct SeatCount(double Active, double Licensed);
