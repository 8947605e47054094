namespace UsageLens.Insights.Upsell;

/// <summary>One reason to offer an account more: its kind, a strength 0–100 (50 at the threshold) and the evidence in words.</summary>
internal sealed record UpsellSignal(string Kind, double Strength, string Why);
