namespace UsageLens.Core.Kpis.Revenue;

/// <summary>The share of paying accounts lost over the period.</summary>
internal sealed class LogoChurnKpi : IKpi
{
    public KpiDefinition Definition { get; } = new("logo-churn", "Logo churn rate", "accounts with MRR > 0 at from and MRR = 0 at to ÷ accounts with MRR > 0 at from × 100", RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("logo churn", "logo-churn", "churn rate", "churn", "customer churn", "churned customers", "churned accounts", "churned", "logos lost", "cancellations")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken) =>
        RevenueRun.ComputeAsync(Definition, "percent", request, context, EvaluateAsync, cancellationToken);

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, CancellationToken cancellationToken)
    {
        var from = await window.MrrFromAsync(cancellationToken).ConfigureAwait(false);
        var to = await window.MrrToAsync(cancellationToken).ConfigureAwait(false);
        return RevenueMath.LogoChurn(from, to);
    }
}
