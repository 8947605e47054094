using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Revenue per active user. Pure.</summary>
internal static class RevenuePerActiveUser
{
    /// <summary>Σ MRR in force at the period's end ÷ distinct users active in the period.</summary>
    public static KpiOutcome Compute(IReadOnlyList<RevenueItem> items, Period period)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(period);
        var mrr = items.Where(i => i.At == period.To).Sum(i => i.Mrr);
        var active = new ActivityIndex(items.Where(i => i.Active is not null).Select(i => i.Active!)).In(period);
        return new KpiOutcome(active == 0 ? null : mrr / active, [new KpiPart("mrr", mrr), new KpiPart("active_users", active)]);
    }
}
