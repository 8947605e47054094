using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Product usage rate: the share of known users who were active. Pure.</summary>
internal static class UsageRate
{
    /// <summary>Distinct users active in the period ÷ distinct users known before its end × 100.</summary>
    public static KpiOutcome Compute(IReadOnlyList<UsageRateItem> items, Period period)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(period);
        var active = new ActivityIndex(items.Where(i => i.Active is not null).Select(i => i.Active!)).In(period);
        var known = items.Where(i => i.Known is { } k && (k.Since is null || k.Since < period.To))
            .Select(i => i.Known!.User).Distinct(StringComparer.Ordinal).Count();
        return new KpiOutcome(known == 0 ? null : active * 100d / known, [new KpiPart("active_users", active), new KpiPart("known_users", known)]);
    }
}
