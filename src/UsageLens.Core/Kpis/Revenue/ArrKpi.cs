namespace UsageLens.Core.Kpis.Revenue;

/// <summary>ARR: twelve times the MRR at the end of the period.</summary>
internal sealed class ArrKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("arr", "Annual recurring revenue", "ARR = 12 × MRR at the end of the period", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("arr", "annual recurring revenue", "annual run rate", "run rate")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "currency", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken) =>
        RevenueMath.Recurring(await window.MrrToAsync(cancellationToken).ConfigureAwait(false), 12);
}
