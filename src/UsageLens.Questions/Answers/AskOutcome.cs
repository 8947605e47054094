using UsageLens.Core.Kpis;
using UsageLens.Insights;

namespace UsageLens.Questions.Answers;

/// <summary>What one ask gave: the KPI result (and the comparison period's), the insight's result, or why it has no answer yet.</summary>
public sealed record AskOutcome(QueryAsk Ask, KpiResult? Result, KpiResult? Compared, string? NotAvailable)
{
    /// <summary>The insight's result, for an ask that names an insight computed today.</summary>
    public InsightResult? Insight { get; init; }
}
