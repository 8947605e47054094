namespace UsageLens.Insights.Upsell;

/// <summary>An account's usage of a priced meter in the last 30 days against the units its plan (or subscription) includes.</summary>
internal sealed record PlanUsage(string Plan, string Meter, double Usage, double Included);
