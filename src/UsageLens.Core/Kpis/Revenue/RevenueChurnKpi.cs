namespace UsageLens.Core.Kpis.Revenue;

/// <summary>The MRR churn rate: gross by default, net (expansion and reactivation offset) as a variant.</summary>
internal sealed class RevenueChurnKpi : IKpi
{
    public const string Gross = "gross";
    public const string Net = "net";

    public KpiDefinition Definition { get; } = new(
        "revenue-churn",
        "MRR churn rate",
        "gross = (churn + contraction) ÷ MRR(from) × 100; variant net = (churn + contraction − expansion − reactivation) ÷ MRR(from) × 100, negative when the base grew",
        RequiresMetric: false)
    {
        Synonyms =
        [
            .. KpiSynonym.Phrases("revenue churn", "revenue-churn", "mrr churn", "dollar churn", "gross revenue churn", "gross mrr churn"),
            new KpiSynonym("net revenue churn") { Variant = "net" },
            new KpiSynonym("net mrr churn") { Variant = "net" },
        ],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var net = request.Variant == Net;
        return RevenueRun.ComputeAsync(
            Definition,
            "percent",
            request,
            context,
            async (window, ct) => RevenueMath.RevenueChurn(await window.MovementsAsync(ct).ConfigureAwait(false), net),
            cancellationToken,
            Gross,
            Net);
    }
}
