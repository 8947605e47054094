namespace UsageLens.Core.Kpis.Revenue;

/// <summary>Gross revenue retention: the cohort's revenue kept, expansion not counted.</summary>
internal sealed class GrrKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("grr", "Gross revenue retention", "fixed cohort of accounts paying at from: Σ min(MRR at to, MRR at from) ÷ their MRR at from × 100", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("grr", "gdr", "gross revenue retention", "gross dollar retention", "gross retention")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "percent", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken)
    {
        var from = await window.MrrFromAsync(cancellationToken).ConfigureAwait(false);
        var to = await window.MrrToAsync(cancellationToken).ConfigureAwait(false);
        return RevenueMath.GrossRetention(from, to);
    }
}
