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
        // The first events are checked by the overload that reads them.
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(period);
        var first = DateOnly.FromDateTime(period.From);
        var last = ActivityIndex.LastDay(period);
        var inPeriod = days.Where(d => d.Day >= first && d.Day <= last).ToList();
        var active = inPeriod.Where(d => !d.IsFeature).Select(d => d.Entity).Distinct(StringComparer.Ordinal).Count();
        var adopters = inPeriod.Where(d => d.IsFeature).Select(d => d.Entity).Distinct(StringComparer.Ordinal).Count();
        var featureEvents = inPeriod.Where(d => d.IsFeature).Sum(d => d.Events);
        return Compute(active, adopters, featureEvents, period, firstEvent, firstUse);
    }

    /// <summary>
    /// The same from the counts: an entity whose first use falls in the period used the feature in it, so the
    /// adopters' median needs only the first uses, not the list of adopters.
    /// </summary>
    public static KpiOutcome Compute(
        long active,
        long adopters,
        long featureEvents,
        Period period,
        IReadOnlyDictionary<string, DateTime> firstEvent,
        IReadOnlyDictionary<string, DateTime> firstUse)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(firstEvent);
        ArgumentNullException.ThrowIfNull(firstUse);
        var daysToFirstUse = firstUse
            .Where(use => use.Value >= period.From && use.Value < period.To && firstEvent.ContainsKey(use.Key))
            .Select(use => (double)(DateOnly.FromDateTime(use.Value).DayNumber - DateOnly.FromDateTime(firstEvent[use.Key]).DayNumber))
            .Order()
            .ToList();
        return new KpiOutcome(
            active == 0 ? null : adopters * 100d / active,
            [
                new KpiPart("adopters", adopters),
                new KpiPart("active", active),
                new KpiPart("depth", adopters == 0 ? null : featureEvents / (double)adopters),
                new KpiPart("median_days_to_first_use", Sessions.Median(daysToFirstUse)),
            ]);
    }
}
