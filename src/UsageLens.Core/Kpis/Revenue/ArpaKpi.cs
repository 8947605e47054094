namespace UsageLens.Core.Kpis.Revenue;

/// <summary>ARPA at the end of the period.</summary>
internal sealed class ArpaKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("arpa", "Average revenue per account", "MRR at the end of the period ÷ accounts with MRR > 0 then", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("arpa", "arpc", "average revenue per account", "average revenue per customer", "revenue per account", "revenue per customer", "average mrr per account", "average mrr per customer")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "currency", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken) =>
        RevenueMath.Arpa(await window.MrrToAsync(cancellationToken).ConfigureAwait(false));
}
