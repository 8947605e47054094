namespace UsageLens.Core.Kpis.Usage;

/// <summary>Gini and HHI of usage across accounts, the top accounts' shares, and Lorenz points (percentages).</summary>
public sealed record ConcentrationOutcome(
    double? Gini,
    double? Hhi,
    int Accounts,
    double TotalUsage,
    double? TopShare,
    IReadOnlyList<ConcentrationLeader> Leaders,
    IReadOnlyList<LorenzPoint> Lorenz)
{
    public IReadOnlyList<KpiPart> Parts =>
    [
        new("gini", Gini),
        new("hhi", Hhi),
        new("accounts", Accounts),
        new("total_usage", TotalUsage),
        new("top_share", TopShare),
    ];
}
