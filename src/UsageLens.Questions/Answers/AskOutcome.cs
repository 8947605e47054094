using UsageLens.Core.Kpis;

namespace UsageLens.Questions.Answers;

/// <summary>What one ask gave: the KPI result (and the comparison period's), or why it has no answer yet.</summary>
public sealed record AskOutcome(QueryAsk Ask, KpiResult? Result, KpiResult? Compared, string? NotAvailable);
