namespace UsageLens.Insights.Health;

/// <summary>The NPS of an account's latest day with survey answers (one answer: 100 promoter, 0 passive, −100 detractor).</summary>
internal readonly record struct LatestNps(DateOnly Day, double Nps);
