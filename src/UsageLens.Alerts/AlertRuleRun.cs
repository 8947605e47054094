namespace UsageLens.Alerts;

/// <summary>One evaluation of one rule: what it saw change, what fired, and each delivery (none in a dry run).</summary>
/// <param name="Changes">A sentence per subject whose state changed (or, for a threshold, the value and comparison).</param>
public sealed record AlertRuleRun(string Rule, string Kind, DateOnly AsOf, IReadOnlyList<string> Changes, IReadOnlyList<AlertFiring> Firings, IReadOnlyList<AlertDelivery> Deliveries);
