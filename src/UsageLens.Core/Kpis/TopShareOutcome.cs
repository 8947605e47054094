namespace UsageLens.Core.Kpis;

/// <summary>The headline KPI and its parts. <see cref="Share"/> is null when there is no usage at all.</summary>
public sealed record TopShareOutcome(
    double? Share,
    double TopUsage,
    double TotalUsage,
    int TopAccounts,
    int Population,
    double? Cutoff,
    IReadOnlyList<string> Accounts)
{
    public IReadOnlyList<KpiPart> Parts =>
    [
        new("top_usage", TopUsage),
        new("total_usage", TotalUsage),
        new("top_accounts", TopAccounts),
        new("population", Population),
        new("cutoff", Cutoff),
    ];
}
