using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>Feature adoption over a period, for users or accounts. Pure.</summary>
internal static class FeatureAdoption
{
    /// <summary>
    /// Adopters (entities with the feature's event in the period) ÷ active entities (any event in the
    /// period) × 100; depth = feature events ÷ adopters; median whole UTC days from each entity's first
    /// ever event to its first use of the feature, over adopters whose first use falls in the period.
    /// </summary>
    public static KpiOutcome Compute(
        IReadOnlyList<EntityDay> days,
        Period period,
        IReadOnlyDictionary<string, DateTime> firstEvent,
        IReadOnlyDictionary<string, DateTime> firstUse)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(firstEvent);
        ArgumentNullException.ThrowIfNull(firstUse);
        var first = DateOnly.FromDateTime(period.From);
        var last = ActivityIndex.LastDay(period);
        var inPeriod = days.Where(d => d.Day >= first && d.Day <= last).ToList();
        var active = inPeriod.Where(d => !d.IsFeature).Select(d => d.Entity).Distinct(StringComparer.Ordinal).Count();
        var adopters = inPeriod.Where(d => d.IsFeature).Select(d => d.Entity).Distinct(StringComparer.Ordinal).ToList();
        var featureEvents = inPeriod.Where(d => d.IsFeature).Sum(d => d.Events);
        var daysToFirstUse = adopters
            .Where(a => firstUse.TryGetValue(a, out var use) && use >= period.From && use < period.To && firstEvent.ContainsKey(a))
            .Select(a => (double)(DateOnly.FromDateTime(firstUse[a]).DayNumber - DateOnly.FromDateTime(firstEvent[a]).DayNumber))
            .Order()
            .ToList();
        return new KpiOutcome(
            active == 0 ? null : adopters.Count * 100d / active,
            [
                new KpiPart("adopters", adopters.Count),
                new KpiPart("active", active),
                new KpiPart("depth", adopters.Count == 0 ? null : featureEvents / (double)adopters.Count),
                new KpiPart("median_days_to_first_use", Sessions.Median(daysToFirstUse)),
            ]);
    }
}
