namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Either a day of activity or an account's MRR just before an instant, so both split into the same breakdown groups.</summary>
internal sealed record RevenueItem(ActiveDay? Active, string? Account, DateTime? At, double Mrr);
