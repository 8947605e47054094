namespace UsageLens.Insights.Tests.Anomalies;

/// <summary>A daily series with a weekday profile, an optional linear trend and lognormal noise, made from a seed.</summary>
internal static class SeasonalSeries
{
    public static readonly DateOnly FirstDay = new(2026, 6, 1);

    // A working week with a midweek peak and a weekend lull, indexed by DayOfWeek (Sunday first).
    public static readonly double[] Office = [0.2, 0.95, 1.05, 1.1, 1.0, 0.85, 0.25];

    public static double[] Make(int days, double level, double noise, int seed, double[]? weekday = null, double dailyGrowth = 0)
    {
        var random = new Random(seed);
        var profile = weekday ?? Office;
        var values = new double[days];
        for (var d = 0; d < days; d++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var trend = 1 + (dailyGrowth * d);
            values[d] = Math.Round(level * trend * profile[(int)FirstDay.AddDays(d).DayOfWeek] * Math.Exp(noise * gaussian));
        }
        return values;
    }
}
