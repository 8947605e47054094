namespace UsageLens.Core.Kpis.Revenue;

/// <summary>MRR gained per unit of MRR lost over the period.</summary>
internal sealed class QuickRatioKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("quick-ratio", "SaaS quick ratio", "(new + expansion + reactivation) ÷ (contraction + churn); none when nothing was lost", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("quick ratio", "quick-ratio", "saas quick ratio")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "ratio", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken) =>
        RevenueMath.QuickRatio(await window.MovementsAsync(cancellationToken).ConfigureAwait(false));
}
