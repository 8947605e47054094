using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Feature breadth: how many of the available features each account uses. Pure.</summary>
internal static class FeatureBreadth
{
    /// <summary>Mean over accounts with any event in the period of distinct events used ÷ <paramref name="available"/> × 100.</summary>
    public static KpiOutcome Compute(IReadOnlyList<FeatureUse> uses, Period period, int available)
    {
        ArgumentNullException.ThrowIfNull(uses);
        ArgumentNullException.ThrowIfNull(period);
        var first = DateOnly.FromDateTime(period.From);
        var last = ActivityIndex.LastDay(period);
        var used = uses.Where(u => u.Day >= first && u.Day <= last)
            .GroupBy(u => u.Account, StringComparer.Ordinal)
            .Select(g => g.Select(u => u.Event).Distinct(StringComparer.Ordinal).Count())
            .ToList();
        double? meanUsed = used.Count == 0 ? null : used.Average();
        return new KpiOutcome(
            meanUsed is null || available == 0 ? null : meanUsed * 100 / available,
            [new KpiPart("accounts", used.Count), new KpiPart("features_available", available), new KpiPart("mean_features_used", meanUsed)]);
    }
}
