using UsageLens.Core.Kpis.Engagement;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis;

/// <summary>Every KPI UsageLens computes, by name.</summary>
public static class KpiCatalog
{
    public static IReadOnlyList<IKpi> All { get; } =
    [
        new UsageKpi(),
        new TopCustomerShareKpi(),
        new ActiveUsersKpi(),
        new StickinessKpi(),
        new UsageRateKpi(),
        new FeatureAdoptionKpi(),
        new SeatUtilizationKpi(),
        new FeatureBreadthKpi(),
        new SessionsKpi(),
        new LoginFrequencyKpi(),
        new StickinessDistributionKpi(),
        new RetentionKpi(),
        new RevenuePerActiveUserKpi(),
    ];

    public static IKpi Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(k => string.Equals(k.Definition.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageLensException($"unknown KPI '{name}'{NearestNames.Hint(name, All.Select(k => k.Definition.Name))}; `usagelens kpi --list` names them all");
    }
}
