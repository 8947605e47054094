namespace UsageLens.Core.Kpis.Revenue;

/// <summary>Net revenue retention of the accounts paying at the start of the period.</summary>
internal sealed class NrrKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("nrr", "Net revenue retention", "fixed cohort of accounts paying at from: their MRR at to ÷ their MRR at from × 100", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("nrr", "ndr", "net revenue retention", "net dollar retention", "net retention", "net dollar retention rate", "net revenue retention rate")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "percent", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken)
    {
        var from = await window.MrrFromAsync(cancellationToken).ConfigureAwait(false);
        var to = await window.MrrToAsync(cancellationToken).ConfigureAwait(false);
        return RevenueMath.NetRetention(from, to);
    }
}
