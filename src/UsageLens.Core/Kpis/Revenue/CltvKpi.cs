using UsageLens.Core.Querying;
using UsageLens.Core.Sql;

namespace UsageLens.Core.Kpis.Revenue;

/// <summary>Customer lifetime value: ARPA at the end of the period over the recent monthly logo churn rate.</summary>
internal sealed class CltvKpi : IKpi
{
    public const string GrossMargin = "gross-margin";

    // The churn rate is averaged over this many full calendar months before the period's end.
    private const int ChurnMonths = 6;

    public KpiDefinition Definition { get; } = new(
        "cltv",
        "Customer lifetime value",
        "ARPA at to ÷ (mean monthly logo churn rate of the 6 full calendar months before to ÷ 100) × gross margin ÷ 100; none when that churn rate is 0",
        RequiresMetric: false)
    {
        Synonyms = [.. KpiSynonym.Phrases("cltv", "ltv", "clv", "lifetime value", "customer lifetime value")],
        Options = [new KpiOption(GrossMargin, "gross margin in percent, 1 to 100, that multiplies the lifetime value (default 100)")],
    };

    public Task<KpiResult> ComputeAsync(KpiRequest request, KpiContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var margin = request.IntOption(GrossMargin, 100, 1, 100);
        return RevenueRun.ComputeAsync(Definition, "currency", request, context, (window, ct) => EvaluateAsync(window, margin, ct), cancellationToken);
    }

    private static async Task<KpiOutcome> EvaluateAsync(RevenueWindow window, int margin, CancellationToken cancellationToken)
    {
        var arpa = RevenueMath.Arpa(await window.MrrToAsync(cancellationToken).ConfigureAwait(false)).Value;
        // A month still running at `to` is not full, so the last full month ends where to's month starts.
        var end = Calendar.StartOf(Grain.Month, window.Period.To);
        var rates = new List<double?>();
        for (var start = end.AddMonths(-ChurnMonths); start < end; start = start.AddMonths(1))
        {
            var from = await window.MrrAtAsync(start, cancellationToken).ConfigureAwait(false);
            var to = await window.MrrAtAsync(start.AddMonths(1), cancellationToken).ConfigureAwait(false);
            rates.Add(RevenueMath.LogoChurn(from, to).Value);
        }
        return RevenueMath.Cltv(arpa, rates, margin);
    }
}
