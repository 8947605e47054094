namespace UsageLens.Core.Kpis.Revenue;

/// <summary>MRR at the end of the period, from the subscription timeline.</summary>
internal sealed class MrrKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("mrr", "Monthly recurring revenue", "MRR = Σ over accounts of mrr on the latest subscription row with effective_at < to (the MRR in force at the period's last instant); a series gives each bucket's end MRR", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("mrr", "monthly recurring revenue", "recurring revenue", "revenue")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "currency", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken) =>
        RevenueMath.Recurring(await window.MrrToAsync(cancellationToken).ConfigureAwait(false), 1);
}
