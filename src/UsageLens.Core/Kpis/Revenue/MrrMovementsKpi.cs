namespace UsageLens.Core.Kpis.Revenue;

/// <summary>The net MRR movement of the period, with new, reactivation, expansion, contraction and churn as parts.</summary>
internal sealed class MrrMovementsKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("mrr-movements", "MRR movements", "per account, MRR at from vs at to: new (0 → >0, never paid before from), reactivation (0 → >0, paid before), expansion, contraction, churn (>0 → 0); value = net = new + reactivation + expansion − contraction − churn = MRR(to) − MRR(from)", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("mrr movements", "mrr movement", "mrr-movements", "mrr bridge", "mrr waterfall", "expansion mrr", "new mrr", "expansion and contraction", "churned mrr", "expansion revenue", "contraction mrr", "net new mrr")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "currency", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken)
    {
        var movements = await window.MovementsAsync(cancellationToken).ConfigureAwait(false);
        return new KpiOutcome(movements.Net, movements.Parts);
    }
}
