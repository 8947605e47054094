using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Logins per active user per week. Pure.</summary>
internal static class LoginFrequency
{
    /// <summary>Login events ÷ distinct active users ÷ (days in the period ÷ 7). Rows marked as feature rows are the logins.</summary>
    public static KpiOutcome Compute(IReadOnlyList<EntityDay> days, Period period)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(period);
        var first = DateOnly.FromDateTime(period.From);
        var last = ActivityIndex.LastDay(period);
        var inPeriod = days.Where(d => d.Day >= first && d.Day <= last).ToList();
        var logins = inPeriod.Where(d => d.IsFeature).Sum(d => d.Events);
        var active = inPeriod.Where(d => !d.IsFeature).Select(d => d.Entity).Distinct(StringComparer.Ordinal).Count();
        var weeks = ActivityIndex.Days(period).Count / 7d;
        return new KpiOutcome(
            active == 0 ? null : logins / (double)active / weeks,
            [new KpiPart("logins", logins), new KpiPart("active_users", active), new KpiPart("weeks", weeks)]);
    }
}
