namespace UsageLens.Insights.Signals;

/// <summary>The thresholds of the buying signals: usage growth, share of seats in use, and active-user growth.</summary>
internal sealed record SignalSettings(double Growth, double Near, double UserGrowth);
