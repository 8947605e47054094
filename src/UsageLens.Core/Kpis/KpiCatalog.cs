using UsageLens.Core.Kpis.Engagement;
using UsageLens.Core.Kpis.Revenue;
using UsageLens.Core.Semantics;

namespace UsageLens.Core.Kpis;

/// <summary>Every KPI UsageLens computes, by name.</summary>
public static class KpiCatalog
{
    public static IReadOnlyList<IKpi> All { get; } =
    [
        new UsageKpi(),
        new TopCustomerShareKpi(),
        new Usage.ConcentrationKpi(),
        new MrrKpi(),
        new ArrKpi(),
        new MrrMovementsKpi(),
        new LogoChurnKpi(),
        new RevenueChurnKpi(),
        new NrrKpi(),
        new GrrKpi(),
        new ArpaKpi(),
        new QuickRatioKpi(),
        new CltvKpi(),
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
        new Satisfaction.NpsKpi(),
        new Finance.UsageChargesKpi(),
    ];

    public static IKpi Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(k => string.Equals(k.Definition.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageLensException(UsageLensErrorKind.NotFound, $"unknown KPI '{name}'{NearestNames.Hint(name, All.Select(k => k.Definition.Name))}; `usagelens kpi --list` names them all");
    }
}
