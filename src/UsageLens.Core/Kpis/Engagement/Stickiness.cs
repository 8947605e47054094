using UsageLens.Core.Querying;

namespace UsageLens.Core.Kpis.Engagement;

/// <summary>DAU/MAU stickiness over a period, in percent. Pure.</summary>
internal static class Stickiness
{
    /// <summary>Mixpanel's convention: mean DAU over every day of the period ÷ distinct users active in the period × 100.</summary>
    public static KpiOutcome Period(ActivityIndex index, Period period) => Period(ActiveUserCounts.Of(index, period, null));

    /// <summary>As <see cref="Period(ActivityIndex, Querying.Period)"/>, from counts already made.</summary>
    public static KpiOutcome Period(ActiveUserCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var meanDau = counts.MeanDaily ?? throw new InvalidOperationException("daily counts were not read");
        var mau = counts.InPeriod;
        return new KpiOutcome(mau == 0 ? null : meanDau / mau * 100, [new KpiPart("mean_dau", meanDau), new KpiPart("mau", mau)]);
    }

    /// <summary>
    /// Mean over the period's days of DAU(d) ÷ MAU₃₀(d) × 100. A day whose trailing 30 days saw no
    /// one has no ratio (0 ÷ 0) and is left out of the mean.
    /// </summary>
    public static KpiOutcome Rolling(ActivityIndex index, Period period)
    {
        ArgumentNullException.ThrowIfNull(index);
        var ratios = ActivityIndex.Days(period)
            .Select(d => (Dau: index.OnDay(d), Mau: index.Trailing(d, 30)))
            .Where(d => d.Mau > 0)
            .Select(d => d.Dau / (double)d.Mau)
            .ToList();
        return new KpiOutcome(
            ratios.Count == 0 ? null : ratios.Average() * 100,
            [new KpiPart("mean_dau", index.MeanDaily(period)), new KpiPart("mau", index.In(period)), new KpiPart("days", ratios.Count)]);
    }
}
