namespace UsageLens.Insights.Signals;

/// <summary>One buying signal of an account: its kind, a strength 0–100 (50 at its threshold) and the evidence.</summary>
internal sealed record BuyingSignal(string Kind, double Strength, string Why);
