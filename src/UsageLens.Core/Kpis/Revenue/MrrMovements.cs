namespace UsageLens.Core.Kpis.Revenue;

/// <summary>The MRR movements of a period, each a non-negative amount, with the MRR at both ends.</summary>
internal sealed record MrrMovements(double New, double Reactivation, double Expansion, double Contraction, double Churn, double MrrFrom, double MrrTo)
{
    /// <summary>new + reactivation + expansion − contraction − churn, which equals MRR(to) − MRR(from).</summary>
    public double Net => New + Reactivation + Expansion - Contraction - Churn;

    public IReadOnlyList<KpiPart> Parts =>
    [
        new("new", New), new("reactivation", Reactivation), new("expansion", Expansion),
        new("contraction", Contraction), new("churn", Churn), new("mrr_from", MrrFrom), new("mrr_to", MrrTo),
    ];
}
